package cn.chifeng.title.committee;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.chifeng.title.common.Zones;
import cn.chifeng.title.process.EvaluationSessionProcess;

/**
 * Due dates of the confirmation timers (PUB-4), for the model:
 * {@code timeDate="${sessionDeadlines.confirmationDue(execution)}"} — 25 days and one month after the meeting,
 * 08:00 China time.
 */
@Component("sessionDeadlines")
public class SessionDeadlines {
    private final Sessions sessions;

    SessionDeadlines(Sessions sessions) {
        this.sessions = sessions;
    }

    public Date confirmationReminder(DelegateExecution execution) {
        return at(meeting(execution).plusDays(25));
    }

    public Date confirmationDue(DelegateExecution execution) {
        return at(meeting(execution).plusMonths(1));
    }

    private java.time.LocalDate meeting(DelegateExecution execution) {
        String id = (String) execution.getVariable(EvaluationSessionProcess.Vars.SESSION_ID);
        return sessions.find(id).orElseThrow().meetingDate();
    }

    private static Date at(java.time.LocalDate day) {
        return Date.from(day.atTime(8, 0).atZone(Zones.CHINA).toInstant());
    }
}
