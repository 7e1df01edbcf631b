package cn.chifeng.title.correction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.chifeng.title.common.Zones;
import cn.chifeng.title.season.WorkingDayCalendar;

/**
 * 一次性书面告知 (COR-1, 通知 三(二)2): records the notice with every item the office listed and a deadline of N
 * working days from tomorrow (the office's number, else {@code title.correction.working-days}). The table allows
 * one notice per application (COR-2).
 */
@Service
class CorrectionNoticeIssue {
    private final CorrectionNotices notices;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final int workingDays;

    CorrectionNoticeIssue(CorrectionNotices notices, WorkingDayCalendar calendar, Clock clock,
                          @Value("${title.correction.working-days:5}") int workingDays) {
        this.notices = notices;
        this.calendar = calendar;
        this.clock = clock;
        this.workingDays = workingDays;
    }

    /** @param requestedDays the office's number of working days, or {@code null} / not positive for the default */
    CorrectionNotice issue(String applicationId, String items, String issuedBy, Object requestedDays) {
        OffsetDateTime now = Zones.now(clock);
        int days = requestedDays instanceof Number n && n.intValue() > 0 ? n.intValue() : workingDays;
        LocalDate deadline = calendar.periodEnd(now.toLocalDate().plusDays(1), days).end();
        CorrectionNotice notice = new CorrectionNotice(applicationId, items, issuedBy, now, deadline, days, null, null);
        notices.insert(notice);
        return notice;
    }
}
