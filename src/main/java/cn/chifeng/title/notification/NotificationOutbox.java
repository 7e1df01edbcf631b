package cn.chifeng.title.notification;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import cn.chifeng.title.common.Zones;
import cn.chifeng.title.security.RunAs;

/**
 * Writes a notification to the outbox and schedules its sending as an asynchronous engine job, both in the current
 * transaction: a rolled-back step sends nothing, and a committed one is sent even after a crash (the job stays).
 */
@Component
public class NotificationOutbox {
    private final JdbcTemplate jdbc;
    private final NotificationTemplates templates;
    private final Clock clock;
    private final ProcessEngineConfigurationImpl engine;
    private final IdentityService identity;

    NotificationOutbox(JdbcTemplate jdbc, NotificationTemplates templates, Clock clock,
                       @Lazy ProcessEngineConfigurationImpl engine, @Lazy IdentityService identity) {
        this.identity = identity;
        this.jdbc = jdbc;
        this.templates = templates;
        this.clock = clock;
        this.engine = engine;
    }

    /** Queues the event's message to a person; returns the outbox id. */
    public long enqueue(String event, String applicationId, String recipientUser, String recipientEmail,
                        Map<String, String> values) {
        NotificationTemplates.Template t = templates.render(event, values);
        OffsetDateTime now = Zones.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String provisional = "pending-" + java.util.UUID.randomUUID();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into notification (message_id, application_id, "
                    + "recipient_user, recipient_email, event, subject, body, created_at) values (?,?,?,?,?,?,?,?)",
                    new String[] {"id"});
            ps.setString(1, provisional);
            ps.setString(2, applicationId);
            ps.setString(3, recipientUser);
            ps.setString(4, recipientEmail);
            ps.setString(5, event);
            ps.setString(6, t.subject());
            ps.setString(7, t.body());
            ps.setObject(8, now);
            return ps;
        }, key);
        long id = key.getKey().longValue();
        // a stable Message-ID: a resend after a crash carries the same id, so mail clients can drop the duplicate
        jdbc.update("update notification set message_id = ? where id = ?", "<notification-" + id + "@title-evaluation>",
                id);
        scheduleSending(id);
        return id;
    }

    /** Queues the event's message to every member of a group (e.g. the next level and the city HR bureau). */
    public void enqueueToMembers(String event, String applicationId, String group, Map<String, String> values) {
        // the members of a body are not the caller's to list: look them up as the system
        List<User> members = RunAs.system(identity, () -> identity.createUserQuery().memberOfGroup(group).list());
        for (User u : members) {
            enqueue(event, applicationId, u.getId(), u.getEmail(), values);
        }
    }

    private void scheduleSending(long id) {
        if (Context.getCommandContext() != null) {
            send(id);
        } else {
            engine.getCommandExecutorTxRequired().execute(ctx -> {
                send(id);
                return null;
            });
        }
    }

    private static void send(long id) {
        MessageEntity job = new MessageEntity();
        job.setJobHandlerType(SendNotificationJobHandler.TYPE);
        job.setJobHandlerConfigurationRaw(Long.toString(id));
        Context.getCommandContext().getJobManager().send(job);
    }

    public Optional<Notification> find(long id) {
        return jdbc.query("select * from notification where id = ?", (rs, i) -> map(rs), id).stream().findFirst();
    }

    public List<Notification> ofApplication(String applicationId) {
        return jdbc.query("select * from notification where application_id = ? order by id", (rs, i) -> map(rs),
                applicationId);
    }

    /** The latest messages to a person (their in-app list). */
    public List<Notification> ofUser(String userId, int limit) {
        return jdbc.query("select * from notification where recipient_user = ? order by id desc limit ?",
                (rs, i) -> map(rs), userId, limit);
    }

    /** The latest messages of all (the demo's mailbox, where no mail server is set). */
    public List<Notification> latest(int limit) {
        return jdbc.query("select * from notification order by id desc limit ?", (rs, i) -> map(rs), limit);
    }

    void markSent(long id, String channel) {
        jdbc.update("update notification set sent_at = ?, channel = ?, attempts = attempts + 1 where id = ?",
                Zones.now(clock), channel, id);
    }

    private static Notification map(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime sent = rs.getObject("sent_at", OffsetDateTime.class);
        return new Notification(rs.getLong("id"), rs.getString("message_id"), rs.getString("application_id"),
                rs.getString("recipient_user"), rs.getString("recipient_email"), rs.getString("event"),
                rs.getString("subject"), rs.getString("body"),
                rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(Zones.CHINA).toOffsetDateTime(),
                sent == null ? null : sent.atZoneSameInstant(Zones.CHINA).toOffsetDateTime(), rs.getString("channel"));
    }
}
