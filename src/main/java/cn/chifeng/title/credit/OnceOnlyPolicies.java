package cn.chifeng.title.credit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.application.ApplicationStatusChanged;

/**
 * ELI-4, ELI-10: a once-only policy (the channels of {@code title.policies.once-only}: green channel, frontline
 * medical tilt) is used when the evaluation it opened is passed — recorded in the ledger in the transaction of that
 * step.
 */
@Component
class OnceOnlyPolicies {
    private final PolicyLedger ledger;
    private final java.util.Set<String> onceOnly;

    OnceOnlyPolicies(PolicyLedger ledger,
                     @org.springframework.beans.factory.annotation.Value("${title.policies.once-only}")
                     java.util.Set<String> onceOnly) {
        this.ledger = ledger;
        this.onceOnly = java.util.Set.copyOf(onceOnly);
    }

    @EventListener
    void statusChanged(ApplicationStatusChanged e) {
        String channel = e.facts().get("eligibilityChannel");
        if (e.status() == ApplicationStatus.PASSED && channel != null && onceOnly.contains(channel)) {
            ApplicationRecord a = e.application();
            ledger.record(a.idNumber(), channel, a.season(), a.id(), a.updatedAt().toLocalDate());
        }
    }
}
