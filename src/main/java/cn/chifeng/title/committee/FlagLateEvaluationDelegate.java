package cn.chifeng.title.committee;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.organisation.OrganisationDirectory;

/**
 * At the evaluation close (SEA-5, EVA-8): an evaluation not finished is reported to the city HR bureau, unless its
 * committee filed a written postponement for the season.
 */
@Component("flagLateEvaluationDelegate")
class FlagLateEvaluationDelegate implements JavaDelegate {
    private final Postponements postponements;
    private final OrganisationDirectory organisations;
    private final NotificationOutbox outbox;

    FlagLateEvaluationDelegate(Postponements postponements, OrganisationDirectory organisations,
                               NotificationOutbox outbox) {
        this.postponements = postponements;
        this.organisations = organisations;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int season = ((Number) execution.getVariable("season")).intValue();
        String committee = (String) execution.getVariable(Vars.COMMITTEE_GROUP);
        boolean postponed = postponements.filed(season, committee);
        execution.setVariable("evaluationOverdue", !postponed);
        if (postponed) {
            return;
        }
        Map<String, String> values = new HashMap<>();
        values.put("season", Integer.toString(season));
        values.put("committeeName", organisations.groupName(committee));
        values.put("deadline", String.valueOf(execution.getVariable("evaluationCloseDay")));
        values.put("applicationId", (String) execution.getVariable(Vars.APPLICATION_ID));
        values.put("applicantName", (String) execution.getVariable("applicantName"));
        String cityHr = organisations.cityBody(OrganisationDirectory.BodyKind.CITY_HR).orElseThrow().id();
        outbox.enqueueToMembers("EVALUATION_OVERDUE", (String) execution.getVariable(Vars.APPLICATION_ID), cityHr, values);
    }
}
