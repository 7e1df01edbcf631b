package cn.chifeng.title.review;

import static cn.chifeng.title.process.TitleApplicationProcess.Vars;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.process.Stage;

/**
 * At the review close (SEA-3): an application still waiting at a stage below the committee office is escalated —
 * the members of the next level's body and of the city HR bureau are told.
 */
@Component("escalateReviewDelegate")
class EscalateReviewDelegate implements JavaDelegate {
    private final ApplicationRepository applications;
    private final OrganisationDirectory organisations;
    private final NotificationOutbox outbox;

    EscalateReviewDelegate(ApplicationRepository applications, OrganisationDirectory organisations,
                           NotificationOutbox outbox) {
        this.applications = applications;
        this.organisations = organisations;
        this.outbox = outbox;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        String stage = (String) execution.getVariable(Vars.CURRENT_STAGE);
        if (stage == null || Stage.COMMITTEE_OFFICE.name().equals(stage)) {
            return;
        }
        List<String> groups = (List<String>) execution.getVariable(Vars.ROUTE_GROUPS);
        int index = ((Number) execution.getVariable(Vars.ROUTE_INDEX)).intValue();
        String cityHr = organisations.cityBody(OrganisationDirectory.BodyKind.CITY_HR).orElseThrow().id();
        ApplicationRecord a = applications.find((String) execution.getVariable(Vars.APPLICATION_ID)).orElseThrow();
        Map<String, String> values = cn.chifeng.title.notification.MessageValues.of(a);
        values.put("stageName", Stage.valueOf(stage).label());
        values.put("groupName", organisations.groupName(groups.get(index)));
        values.put("deadline", String.valueOf(execution.getVariable("reviewCloseDay")));
        for (String group : List.of(groups.get(Math.min(index + 1, groups.size() - 1)), cityHr).stream().distinct()
                .toList()) {
            outbox.enqueueToMembers("ESCALATION", a.id(), group, values);
        }
    }
}
