package cn.chifeng.title.notification;

import java.time.OffsetDateTime;

/** One message of the outbox. */
public record Notification(long id, String messageId, String applicationId, String recipientUser,
                           String recipientEmail, String event, String subject, String body, OffsetDateTime createdAt,
                           OffsetDateTime sentAt, String channel) {
}
