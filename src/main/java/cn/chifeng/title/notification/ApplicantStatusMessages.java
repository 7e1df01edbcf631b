package cn.chifeng.title.notification;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationStatusChanged;
import cn.chifeng.title.application.Dossiers;

/**
 * The applicant hears of every status that concerns them (a template named after the status), by e-mail and in the
 * in-app list: written to the outbox in the transaction of the step that changed the status.
 */
@Component
class ApplicantStatusMessages {
    private final NotificationOutbox outbox;
    private final NotificationTemplates templates;
    private final Dossiers dossiers;

    ApplicantStatusMessages(NotificationOutbox outbox, NotificationTemplates templates, Dossiers dossiers) {
        this.outbox = outbox;
        this.templates = templates;
        this.dossiers = dossiers;
    }

    @EventListener
    void statusChanged(ApplicationStatusChanged e) {
        if (!templates.has(e.status().name())) {
            return;
        }
        ApplicationRecord a = e.application();
        Map<String, String> values = MessageValues.of(a);
        values.put("statusLabel", e.status().label());
        values.put("reason", e.reason() == null ? "" : e.reason());
        values.put("deadline", e.facts().getOrDefault("correctionDeadlineDay", "null"));
        outbox.enqueue(e.status().name(), a.id(), a.applicantUserId(), dossiers.parse(a.dossierJson()).email(), values);
    }
}
