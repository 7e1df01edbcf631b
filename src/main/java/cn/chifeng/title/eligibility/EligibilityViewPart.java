package cn.chifeng.title.eligibility;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationViewPart;
import cn.chifeng.title.security.RunAs;

/** {@code GET /api/applications/{id}} shows the eligibility verdict taken at submission (from the history). */
@Component
class EligibilityViewPart implements ApplicationViewPart {
    private final HistoryService history;
    private final IdentityService identity;

    EligibilityViewPart(HistoryService history, IdentityService identity) {
        this.history = history;
        this.identity = identity;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void contribute(ApplicationRecord a, Map<String, Object> view) {
        if (a.processInstanceId() == null) {
            return;
        }
        Map<String, Object> value = RunAs.system(identity, () -> {
            var v = history.createHistoricVariableInstanceQuery().processInstanceId(a.processInstanceId())
                    .variableName(EligibilityService.DECISION).singleResult();
            return v == null ? null : (Map<String, Object>) v.getValue();
        });
        if (value == null) {
            return;
        }
        Verdict verdict = Verdict.of(value);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("verdict", verdict.verdict());
        e.put("verdictLabel", verdict.verdictLabel());
        e.put("channel", verdict.channel());
        e.put("channelLabel", verdict.channelLabel());
        e.put("reasons", verdict.reasons());
        view.put("eligibility", e);
    }
}
