package cn.chifeng.title.season;

import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import java.time.LocalDate;
import java.util.Date;
import java.util.function.Function;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Moves the review-close and evaluation-close timers of a season's applications when its dates change. */
@Component
class ReviewCloseTimers implements SeasonTimers {
    private final ManagementService management;
    private final RuntimeService runtime;

    ReviewCloseTimers(@Lazy ManagementService management, @Lazy RuntimeService runtime) {
        this.management = management;
        this.runtime = runtime;
    }

    @Override
    public void seasonChanged(Season season) {
        move(season, TitleApplicationProcess.TIMER_REVIEW_CLOSE, Season::reviewClose, Vars.REVIEW_CLOSE_DAY);
        move(season, TitleApplicationProcess.TIMER_REVIEW_CLOSE_ESCALATION, Season::reviewClose, Vars.REVIEW_CLOSE_DAY);
        move(season, TitleApplicationProcess.TIMER_EVALUATION_CLOSE, Season::evaluationClose, Vars.EVALUATION_CLOSE_DAY);
    }

    /** Sets the due date of every timer of the activity in the season's applications to the end of its new day. */
    private void move(Season season, String activity, Function<Season, LocalDate> deadline, String dayVariable) {
        for (Job job : management.createJobQuery().activityId(activity).timers().list()) {
            Object year = runtime.getVariable(job.getProcessInstanceId(), Vars.SEASON);
            if (year instanceof Number n && n.intValue() == season.year()) {
                String series = (String) runtime.getVariable(job.getProcessInstanceId(), "series");
                LocalDate day = deadline.apply(season.forSeries(series));
                Date due = SeasonDeadlines.endOf(day);
                if (!due.equals(job.getDuedate())) {
                    management.setJobDuedate(job.getId(), due);
                }
                runtime.setVariable(job.getProcessInstanceId(), dayVariable, day.toString());
            }
        }
    }
}
