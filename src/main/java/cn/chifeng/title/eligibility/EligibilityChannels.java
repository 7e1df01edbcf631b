package cn.chifeng.title.eligibility;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

import cn.chifeng.title.security.RunAs;

/**
 * The channel (申报渠道: 常规申报, 绿色通道, 基层破格申报…) each application qualified through, as the eligibility
 * decision of its process recorded it (the history keeps it after the process ends), in Chinese.
 */
@Component
public class EligibilityChannels {
    private static final int BATCH = 500;

    private final HistoryService history;
    private final IdentityService identity;

    EligibilityChannels(HistoryService history, IdentityService identity) {
        this.history = history;
        this.identity = identity;
    }

    /** Process instance id → channel label; instances without a decision or a channel are missing. */
    @SuppressWarnings("unchecked")
    public Map<String, String> labels(Collection<String> processInstanceIds) {
        Map<String, String> out = new HashMap<>();
        String[] ids = processInstanceIds.stream().filter(java.util.Objects::nonNull).distinct()
                .toArray(String[]::new);
        for (int from = 0; from < ids.length; from += BATCH) {
            String[] batch = java.util.Arrays.copyOfRange(ids, from, Math.min(ids.length, from + BATCH));
            RunAs.system(identity, () -> history.createHistoricVariableInstanceQuery().processInstanceIdIn(batch)
                    .variableName(EligibilityService.DECISION).list()).forEach((HistoricVariableInstance v) -> {
                        if (v.getValue() instanceof Map<?, ?> result) {
                            String label = Verdict.of((Map<String, Object>) result).channelLabel();
                            if (label != null) {
                                out.put(v.getProcessInstanceId(), label);
                            }
                        }
                    });
        }
        return out;
    }
}
