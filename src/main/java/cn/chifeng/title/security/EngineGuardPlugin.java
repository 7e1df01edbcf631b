package cn.chifeng.title.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.chifeng.title.common.TaskCompletionRule;

/** Puts the {@link EngineGuard} in front of every command executor of the engine. */
@Component
class EngineGuardPlugin extends AbstractProcessEnginePlugin {
    private final ObjectProvider<TaskCompletionRule> rules;
    private final ObjectProvider<java.time.Clock> clock;

    EngineGuardPlugin(ObjectProvider<TaskCompletionRule> rules, ObjectProvider<java.time.Clock> clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // one guard per chain: an interceptor knows its next one
        // then a completion that met a concurrent change of its instance is done again (CompletionRetry)
        List<CommandInterceptor> required = with(configuration.getCustomPreCommandInterceptorsTxRequired(),
                guard(configuration));
        required.add(1, new CompletionRetry());
        configuration.setCustomPreCommandInterceptorsTxRequired(required);
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(with(configuration
                .getCustomPreCommandInterceptorsTxRequiresNew(), guard(configuration)));
    }

    private EngineGuard guard(ProcessEngineConfigurationImpl configuration) {
        return new EngineGuard(() -> configuration, () -> rules.orderedStream().toList(),
                () -> clock.getIfAvailable(java.time.Clock::systemUTC).instant());
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor guard) {
        List<CommandInterceptor> all = new ArrayList<>(existing == null ? List.of() : existing);
        all.add(0, guard);
        return all;
    }
}
