package cn.chifeng.title.feel;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;

/** Creates {@link CachingScalaFeelEngine}s for the process engine's DMN engine and the eligibility what-if. */
public class CachingFeelEngineFactory implements FeelEngineFactory {

    /** A DMN engine configuration with the caching FEEL engine: what the product evaluates its tables with. */
    public static DefaultDmnEngineConfiguration dmnConfiguration() {
        return ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .feelEngineFactory(new CachingFeelEngineFactory());
    }

    /** A stand-alone DMN engine as the product's (no history): the what-if and the tables' tests. */
    public static DmnEngine dmnEngine() {
        return dmnConfiguration().buildEngine();
    }

    @Override
    public FeelEngine createInstance() {
        return new CachingScalaFeelEngine(List.of());
    }
}
