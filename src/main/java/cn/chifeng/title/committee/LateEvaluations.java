package cn.chifeng.title.committee;

import java.util.Map;

import org.springframework.stereotype.Service;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.notification.MessageValues;
import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.organisation.OrganisationDirectory;

/**
 * At the evaluation close (SEA-5, EVA-8): an evaluation not finished is reported to the city HR bureau, unless the
 * session that holds it has a written postponement the HR department accepted, until a later day.
 */
@Service
class LateEvaluations {
    private final Postponements postponements;
    private final Sessions sessions;
    private final ApplicationRepository applications;
    private final OrganisationDirectory organisations;
    private final NotificationOutbox outbox;

    LateEvaluations(Postponements postponements, Sessions sessions, ApplicationRepository applications,
                    OrganisationDirectory organisations, NotificationOutbox outbox) {
        this.postponements = postponements;
        this.sessions = sessions;
        this.applications = applications;
        this.organisations = organisations;
        this.outbox = outbox;
    }

    /** @return whether the evaluation is overdue (no accepted postponement); if so the city HR bureau is told */
    boolean reportIfOverdue(String applicationId, String committee, String deadline) {
        ApplicationRecord a = applications.find(applicationId).orElseThrow();
        java.time.LocalDate close = java.time.LocalDate.parse(deadline);
        boolean postponed = sessions.openSessionOf(applicationId).flatMap(postponements::acceptedUntil)
                .filter(until -> until.isAfter(close)).isPresent();
        if (postponed) {
            return false;
        }
        Map<String, String> values = MessageValues.of(a);
        values.put("committeeName", organisations.groupName(committee));
        values.put("deadline", deadline);
        String cityHr = organisations.cityBody(OrganisationDirectory.BodyKind.CITY_HR).orElseThrow().id();
        outbox.enqueueToMembers("EVALUATION_OVERDUE", a.id(), cityHr, values);
        return true;
    }
}
