package cn.chifeng.title.season;

import cn.chifeng.title.process.TitleApplicationProcess;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.chifeng.title.common.Zones;

/**
 * The season's deadlines as timer due dates, for the models: {@code timeDate="${seasonDeadlines.reviewClose(execution)}"}.
 * A deadline day ends at midnight Asia/Shanghai (the end of 07-02 is 07-03 00:00 in China), whatever the machine's
 * zone; the dates come from the season of the application and its series' overrides, never from literals.
 */
@Component("seasonDeadlines")
public class SeasonDeadlines {

    private final SeasonService seasons;

    SeasonDeadlines(SeasonService seasons) {
        this.seasons = seasons;
    }

    /** End of the review close day (SEA-3): applications still with the applicant then end as 逾期未报送. */
    public Date reviewClose(DelegateExecution execution) {
        return endOf(season(execution).reviewClose());
    }

    /** End of the evaluation close day (SEA-5): evaluations not finished then are reported, unless postponed. */
    public Date evaluationClose(DelegateExecution execution) {
        return endOf(season(execution).evaluationClose());
    }

    private Season season(DelegateExecution execution) {
        int year = ((Number) execution.getVariable(TitleApplicationProcess.Vars.SEASON)).intValue();
        return seasons.find(year).orElseThrow(() -> new IllegalStateException(year + " 年度未配置"))
                .forSeries((String) execution.getVariable(TitleApplicationProcess.Vars.SERIES));
    }

    static Date endOf(LocalDate day) {
        return Date.from(day.plusDays(1).atStartOfDay(Zones.CHINA).toInstant());
    }
}
