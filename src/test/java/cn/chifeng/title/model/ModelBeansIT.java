package cn.chifeng.title.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.chifeng.title.support.IntegrationTestBase;

/** Every bean that a model names — delegate expressions and listener expressions — exists in the application. */
class ModelBeansIT extends IntegrationTestBase {
    private static final Pattern BEAN = Pattern.compile("[#$]\\{([a-z][A-Za-z]+)[.}(]");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "(?:camunda:)?(?:delegateExpression|expression)=\"([^\"]+)\"");

    @Autowired
    ApplicationContext context;

    @Test
    void everyBeanNamedByAModelResolves() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher attribute = ATTRIBUTE.matcher(Files.readString(file));
                while (attribute.find()) {
                    Matcher bean = BEAN.matcher(attribute.group(1));
                    while (bean.find()) {
                        names.add(bean.group(1));
                    }
                }
            }
        }
        assertThat(names).contains("determineRouteDelegate", "reviewDecisionListener", "applicationStatus");
        names.removeAll(List.of("execution", "task")); // provided by the engine, not beans
        for (String name : names) {
            assertThat(context.containsBean(name)).as("bean " + name).isTrue();
        }
    }
}
