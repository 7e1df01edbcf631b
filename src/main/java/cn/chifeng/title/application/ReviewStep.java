package cn.chifeng.title.application;

import java.time.OffsetDateTime;

/** One decision in the audit trail of an application (REV-4, SUP-2). */
public record ReviewStep(String stage, String stageName, String groupId, String groupName, String reviewer,
                         OffsetDateTime decidedAt, String decision, String decisionLabel, String comment,
                         boolean attested) {
}
