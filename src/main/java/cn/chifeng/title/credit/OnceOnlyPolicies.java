package cn.chifeng.title.credit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.application.ApplicationStatusChanged;

/**
 * ELI-4, ELI-10: a once-only policy (green channel, frontline medical tilt) is used when the evaluation it opened is
 * passed — recorded in the ledger in the transaction of that step.
 */
@Component
class OnceOnlyPolicies {
    private final PolicyLedger ledger;

    OnceOnlyPolicies(PolicyLedger ledger) {
        this.ledger = ledger;
    }

    @EventListener
    void statusChanged(ApplicationStatusChanged e) {
        String channel = e.facts().get("eligibilityChannel");
        if (e.status() == ApplicationStatus.PASSED && (PolicyLedger.GREEN_CHANNEL.equals(channel)
                || PolicyLedger.FRONTLINE_MEDICAL.equals(channel))) {
            ApplicationRecord a = e.application();
            ledger.record(a.idNumber(), channel, a.season(), a.id(), a.updatedAt().toLocalDate());
        }
    }
}
