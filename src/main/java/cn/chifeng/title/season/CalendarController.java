package cn.chifeng.title.season;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.common.ApiException;

/** {@code GET /api/calendar/period-end?start=YYYY-MM-DD&workingDays=N} → {@code {end, official}}. */
@RestController
class CalendarController {
    private final WorkingDayCalendar calendar;

    CalendarController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/api/calendar/period-end")
    WorkingDayCalendar.PeriodEnd periodEnd(@RequestParam(required = false) String start,
                                           @RequestParam(required = false) Integer workingDays) {
        LocalDate day;
        try {
            day = LocalDate.parse(start == null ? "" : start);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("start", "开始日期格式应为 YYYY-MM-DD");
        }
        if (workingDays == null || workingDays < 1 || workingDays > 366) {
            throw ApiException.invalid("workingDays", "工作日数须为1到366之间的整数");
        }
        return calendar.periodEnd(day, workingDays);
    }

    @GetMapping("/api/calendar/working-day")
    WorkingDayCalendar.Answer workingDay(@RequestParam(required = false) String date) {
        try {
            return calendar.isWorkingDay(LocalDate.parse(date == null ? "" : date));
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("date", "日期格式应为 YYYY-MM-DD");
        }
    }
}
