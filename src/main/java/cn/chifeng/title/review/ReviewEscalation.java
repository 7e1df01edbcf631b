package cn.chifeng.title.review;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.notification.MessageValues;
import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.process.Stage;

/**
 * At the review close (SEA-3): an application still waiting at a stage below the committee office is escalated —
 * the members of the next level's body and of the city HR bureau are told.
 */
@Service
class ReviewEscalation {
    private final ApplicationRepository applications;
    private final OrganisationDirectory organisations;
    private final NotificationOutbox outbox;

    ReviewEscalation(ApplicationRepository applications, OrganisationDirectory organisations,
                     NotificationOutbox outbox) {
        this.applications = applications;
        this.organisations = organisations;
        this.outbox = outbox;
    }

    /**
     * @param stage  the stage the application waits at ({@code null} when it waits at none)
     * @param groups the route's bodies, {@code index} the one it waits at
     * @return the bodies told (none at or after the committee office)
     */
    List<String> escalate(String applicationId, String stage, List<String> groups, int index, String deadline) {
        if (stage == null || Stage.COMMITTEE_OFFICE.name().equals(stage)) {
            return List.of();
        }
        ApplicationRecord a = applications.find(applicationId).orElseThrow();
        Map<String, String> values = MessageValues.of(a);
        values.put("stageName", Stage.valueOf(stage).label());
        values.put("groupName", organisations.groupName(groups.get(index)));
        values.put("deadline", deadline);
        String next = groups.get(Math.min(index + 1, groups.size() - 1));
        String cityHr = organisations.cityBody(OrganisationDirectory.BodyKind.CITY_HR).orElseThrow().id();
        List<String> told = List.of(next, cityHr).stream().distinct().toList();
        for (String group : told) {
            outbox.enqueueToMembers("ESCALATION", a.id(), group, values);
        }
        return told;
    }
}
