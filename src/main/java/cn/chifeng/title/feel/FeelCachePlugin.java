package cn.chifeng.title.feel;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Gives the process engine's DMN engine the caching FEEL engine (picked up by the Camunda Spring Boot starter). */
@Component
public class FeelCachePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDmnEngineConfiguration(CachingFeelEngineFactory.dmnConfiguration());
    }
}
