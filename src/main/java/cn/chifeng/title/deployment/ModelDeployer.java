package cn.chifeng.title.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the top-level {@code processes/}, {@code dmn/} and {@code forms/} at start-up, with resource names that
 * are the same under {@code java -jar} and {@code mvn spring-boot:run} (e.g. {@code dmn/review-route.dmn}).
 * <ul>
 * <li>Processes and forms are one deployment, redeployed whole when any of them changed, so that
 * {@code camunda:formRefBinding="deployment"} always finds the forms of its process version.</li>
 * <li>Decisions are a deployment of their own that deploys only changed files: a table that a policy officer
 * deployed later (Modeler, REST) stays the latest version across restarts until the shipped file itself changes.</li>
 * </ul>
 */
@Component
public class ModelDeployer {
    public static final String MODELS = "title-evaluation-models";
    public static final String DECISIONS = "title-evaluation-decisions";
    private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

    private final RepositoryService repository;
    private final cn.chifeng.title.common.StartupLock startupLock;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    ModelDeployer(RepositoryService repository, cn.chifeng.title.common.StartupLock startupLock) {
        this.repository = repository;
        this.startupLock = startupLock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(-100)
    public void deploy() {
        // a node starting at the same moment waits, then finds these deployments and filters its own as duplicates
        startupLock.run("models", () -> {
            deploy(MODELS, false, "processes/*.bpmn", "forms/*.form");
            deploy(DECISIONS, true, "dmn/*.dmn");
        });
    }

    private void deploy(String name, boolean changedOnly, String... patterns) {
        DeploymentBuilder builder = repository.createDeployment().name(name).source(name)
                .enableDuplicateFiltering(changedOnly);
        int count = 0;
        for (String pattern : patterns) {
            String folder = pattern.substring(0, pattern.indexOf('/'));
            for (Resource r : resources(pattern)) {
                try (InputStream in = r.getInputStream()) {
                    builder.addInputStream(folder + "/" + r.getFilename(), in);
                    count++;
                } catch (IOException e) {
                    throw new UncheckedIOException("无法读取模型文件 " + r, e);
                }
            }
        }
        if (count == 0) {
            throw new IllegalStateException("没有找到可部署的模型: " + String.join(", ", patterns));
        }
        DeploymentWithDefinitions d = builder.deployWithResult();
        LOG.info("部署 {}: {} 个文件, 部署 ID {}", name, count, d.getId());
    }

    private List<Resource> resources(String pattern) {
        try {
            return Arrays.stream(resolver.getResources("classpath*:" + pattern))
                    .sorted(Comparator.comparing(Resource::getFilename)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
