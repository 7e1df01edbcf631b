package cn.chifeng.title.notification;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The asynchronous job that sends one outbox message: over SMTP when a mail server is configured
 * ({@code spring.mail.host}), otherwise to the log. A message whose send is recorded is not sent again when the job
 * is retried; a failure leaves it unrecorded and the engine retries the job (then raises an incident in Cockpit).
 */
@Component
public class SendNotificationJobHandler implements JobHandler<SendNotificationJobHandler.Config> {
    public static final String TYPE = "title-send-notification";
    private static final Logger LOG = LoggerFactory.getLogger(SendNotificationJobHandler.class);

    private final NotificationOutbox outbox;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    SendNotificationJobHandler(NotificationOutbox outbox, ObjectProvider<JavaMailSender> mail,
                               @Value("${title.notifications.from:zhicheng@chifeng.invalid}") String from) {
        this.outbox = outbox;
        this.mail = mail;
        this.from = from;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(Config config, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
        Notification n = outbox.find(config.id()).orElse(null);
        if (n == null || n.sentAt() != null) {
            return;
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || n.recipientEmail() == null || n.recipientEmail().isBlank()) {
            LOG.info("通知（未发邮件）{} → {}：{}\n{}", n.messageId(), n.recipientUser(), n.subject(), n.body());
            outbox.markSent(n.id(), "LOG");
            return;
        }
        try {
            sender.send(message(sender, n));
        } catch (MessagingException e) {
            throw new IllegalStateException("邮件无法生成: " + e.getMessage(), e);
        }
        outbox.markSent(n.id(), "EMAIL");
    }

    private MimeMessage message(JavaMailSender sender, Notification n) throws MessagingException {
        MimeMessage m = new MimeMessage(sender instanceof JavaMailSenderImpl impl ? impl.getSession() : null) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", n.messageId());
            }
        };
        m.setFrom(new InternetAddress(from));
        m.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(n.recipientEmail()));
        m.setSubject(n.subject(), StandardCharsets.UTF_8.name());
        m.setText(n.body(), StandardCharsets.UTF_8.name());
        return m;
    }

    @Override
    public Config newConfiguration(String canonicalString) {
        return new Config(Long.parseLong(canonicalString));
    }

    @Override
    public void onDelete(Config configuration, JobEntity jobEntity) {
        // nothing to clean up: the outbox row stays as the record
    }

    /** The outbox id of the message. */
    public record Config(long id) implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return Long.toString(id);
        }
    }
}
