package cn.chifeng.title.correction;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.chifeng.title.common.Zones;
import cn.chifeng.title.season.WorkingDayCalendar;

/**
 * 一次性书面告知 (COR-1, 通知 三(二)2): records the notice with every item the office listed and a deadline of N
 * working days from today (default {@code title.correction.working-days}); the timer waits until the end of that
 * day in China. The table allows one notice per application (COR-2).
 */
@Component("issueCorrectionNoticeDelegate")
class IssueCorrectionNoticeDelegate implements JavaDelegate {
    private final CorrectionNotices notices;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final int workingDays;

    IssueCorrectionNoticeDelegate(CorrectionNotices notices, WorkingDayCalendar calendar, Clock clock,
                                  @Value("${title.correction.working-days:5}") int workingDays) {
        this.notices = notices;
        this.calendar = calendar;
        this.clock = clock;
        this.workingDays = workingDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OffsetDateTime now = Zones.now(clock);
        Object requested = execution.getVariable("correctionWorkingDays");
        int days = requested instanceof Number n && n.intValue() > 0 ? n.intValue() : workingDays;
        LocalDate deadline = calendar.periodEnd(now.toLocalDate().plusDays(1), days).end();
        notices.insert(new CorrectionNotice((String) execution.getVariable(Vars.APPLICATION_ID),
                (String) execution.getVariable("lastComment"), (String) execution.getVariable("lastReviewer"), now,
                deadline, days, null, null));
        execution.setVariable("correctionIssued", true);
        execution.setVariable("correctionDeadlineDay", deadline.toString());
        execution.setVariable("correctionDeadline",
                Date.from(deadline.plusDays(1).atStartOfDay(Zones.CHINA).toInstant()));
    }
}
