package cn.chifeng.title.notification;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.springframework.stereotype.Component;

/** Registers the notification job handler with the engine (picked up by the Camunda Spring Boot starter). */
@Component
class NotificationPlugin extends AbstractProcessEnginePlugin {
    private final SendNotificationJobHandler handler;

    NotificationPlugin(SendNotificationJobHandler handler) {
        this.handler = handler;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<JobHandler>()
                : new ArrayList<>(configuration.getCustomJobHandlers());
        handlers.add(handler);
        configuration.setCustomJobHandlers(handlers);
    }
}
