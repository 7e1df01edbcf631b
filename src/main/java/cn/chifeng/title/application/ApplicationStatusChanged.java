package cn.chifeng.title.application;

import java.util.Map;

/**
 * An application's status changed in the register (e.g. 退回修改, 评审通过). Published synchronously in the
 * transaction of the process step that changed it, so that what its listeners write — the applicant's message in
 * the notification outbox, a once-only policy in the ledger — commits or rolls back with the step.
 *
 * @param facts the process's facts the listeners may need (e.g. {@code eligibilityChannel},
 *              {@code correctionDeadlineDay}), as text
 */
public record ApplicationStatusChanged(ApplicationRecord application, ApplicationStatus status, String reason,
                                       Map<String, String> facts) {
    public ApplicationStatusChanged {
        facts = Map.copyOf(facts);
    }
}
