package cn.chifeng.title.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.support.IntegrationTestBase;

/** The start-up deployment: stable resource names, no new versions without changes, policy changes kept. */
class ModelDeployerIT extends IntegrationTestBase {
    @Autowired
    ModelDeployer deployer;
    @Autowired
    RepositoryService repository;

    @Test
    void theProcessAndItsFormsAreOneDeploymentWithStableResourceNames() {
        ProcessDefinition p = latestProcess();
        assertThat(p.getResourceName()).isEqualTo("processes/title-application.bpmn");
        assertThat(repository.getDeploymentResourceNames(p.getDeploymentId()))
                .contains("processes/title-application.bpmn", "forms/stage-review.form",
                        "forms/session-plan-approval.form", "processes/evaluation-session.bpmn");
        assertThat(latestDecision("review-route").getResourceName()).isEqualTo("dmn/review-route.dmn");
    }

    @Test
    void aRestartWithUnchangedModelsDeploysNothingNew() {
        ProcessDefinition process = latestProcess();
        DecisionDefinition route = latestDecision("review-route");
        long deployments = repository.createDeploymentQuery().count();

        deployer.deploy();

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(latestProcess().getId()).isEqualTo(process.getId());
        assertThat(latestDecision("review-route").getId()).isEqualTo(route.getId());
    }

    @Test
    void aTableDeployedByAPolicyOfficerStaysInForceAfterARestart() throws IOException {
        String changed = Files.readString(Path.of("dmn/committee-assignment.dmn"))
                .replace("评委会分配 [default, editable]", "评委会分配 [default, editable]（政策人员修订）");
        String policyDeployment = repository.createDeployment().name("policy-change")
                .addString("dmn/committee-assignment.dmn", changed).deploy().getId();
        assertThat(latestDecision("committee-assignment").getDeploymentId()).isEqualTo(policyDeployment);

        deployer.deploy();

        assertThat(latestDecision("committee-assignment").getDeploymentId()).isEqualTo(policyDeployment);
        assertThat(new String(repository.getResourceAsStream(policyDeployment, "dmn/committee-assignment.dmn")
                .readAllBytes(), StandardCharsets.UTF_8)).contains("政策人员修订");
    }

    private ProcessDefinition latestProcess() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(TitleApplicationProcess.KEY)
                .latestVersion().singleResult();
    }

    private DecisionDefinition latestDecision(String key) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
    }
}
