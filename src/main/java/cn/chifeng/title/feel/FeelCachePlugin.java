package cn.chifeng.title.feel;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.springframework.stereotype.Component;

/** Gives the process engine's DMN engine the caching FEEL engine (picked up by the Camunda Spring Boot starter). */
@Component
class FeelCachePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration();
        dmn.feelEngineFactory(new CachingFeelEngineFactory());
        configuration.setDmnEngineConfiguration(dmn);
    }
}
