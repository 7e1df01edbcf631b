package cn.chifeng.title.notification;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.internet.MimeMessage;

import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.IntegrationTestBase;

/** Notifications through the outbox and a real SMTP exchange (GreenMail): sent once, nothing on rollback. */
class NotificationIT extends IntegrationTestBase {
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    SendNotificationJobHandler handler;

    private String applicant;

    private String submitAs(String email) {
        applicant = users.applicant("notified-" + System.nanoTime());
        Map<String, Object> body = json.convertValue(dossier().build(), Map.class);
        body.put("email", email);
        return (String) new Api(http, applicant).post("/api/applications", body).getBody().get("applicationId");
    }

    private void unitDecides(String applicationId, String decision, String comment) {
        String task = tasks.createTaskQuery().processInstanceBusinessKey(applicationId).singleResult().getId();
        Map<String, Object> vars = new HashMap<>();
        vars.put("decision", decision);
        vars.put("comment", comment);
        vars.put(Vars.ATTESTED, false);
        users.as(users.reviewer("unit-nc-hospital"), () -> tasks.complete(task, vars));
    }

    private List<MimeMessage> mailTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    @Test
    void aReturnReachesTheApplicantOnceByEmailWithAStableMessageIdAndInTheInAppList() throws Exception {
        String email = "returned-" + System.nanoTime() + "@example.invalid";
        String id = submitAs(email);
        unitDecides(id, "RETURN", "请补充继续教育证明");

        Notification n = outbox.ofApplication(id).get(0);
        assertThat(n.event()).isEqualTo("RETURNED");
        assertThat(n.sentAt()).isNull();
        executeSendingJobs();

        List<MimeMessage> received = mailTo(email);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).contains(id).contains("已退回修改");
        assertThat(received.get(0).getMessageID()).isEqualTo(n.messageId()).startsWith("<notification-");
        assertThat(((String) received.get(0).getContent())).contains("请补充继续教育证明");
        List<Map<String, Object>> list = new Api(http, applicant).getList("/api/applications/" + id + "/notifications")
                .getBody();
        assertThat(list).hasSize(1);
        assertThat(list.get(0)).containsEntry("event", "RETURNED").containsEntry("channel", "EMAIL");
        assertThat(list.get(0).get("sentAt")).isNotNull();
    }

    @Test
    void aRolledBackStepSendsNothing() {
        String id = submitAs("rollback-" + System.nanoTime() + "@example.invalid");

        assertThatThrownBy(() -> unitDecides(id, "RETURN", " ")).hasMessageContaining("必须填写审核意见");

        assertThat(outbox.ofApplication(id)).isEmpty();
    }

    @Test
    void aJobRetriedAfterAFailedExchangeSendsOnceAndARecordedSendIsNotRepeated() throws Exception {
        String email = "retry-" + System.nanoTime() + "@example.invalid";
        String id = submitAs(email);
        unitDecides(id, "RETURN", "材料不一致");
        Notification n = outbox.ofApplication(id).get(0);

        SMTP.stop();
        try {
            assertThatThrownBy(this::executeSendingJobs).isInstanceOf(Exception.class);
            assertThat(outbox.find(n.id()).orElseThrow().sentAt()).isNull();
        } finally {
            SMTP.start();
        }
        executeSendingJobs();
        assertThat(mailTo(email)).hasSize(1);

        // the same job run again (e.g. a retry after the send was recorded): nothing more is sent
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(ctx -> {
                    handler.execute(new SendNotificationJobHandler.Config(n.id()), null, ctx, null);
                    return null;
                });
        assertThat(mailTo(email)).hasSize(1);
    }

    /** Runs the notification jobs as the job executor would. */
    private void executeSendingJobs() {
        for (Job job : management.createJobQuery().list()) {
            if (SendNotificationJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType())) {
                management.executeJob(job.getId());
            }
        }
    }
}
