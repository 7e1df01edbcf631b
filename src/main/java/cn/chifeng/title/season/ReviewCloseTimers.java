package cn.chifeng.title.season;

import java.util.Date;

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
        for (Job job : SeasonDeadlines.REVIEW_CLOSE_TIMERS.stream()
                .flatMap(activity -> management.createJobQuery().activityId(activity).timers().list().stream())
                .toList()) {
            Object year = runtime.getVariable(job.getProcessInstanceId(), "season");
            if (year instanceof Number n && n.intValue() == season.year()) {
                String series = (String) runtime.getVariable(job.getProcessInstanceId(), "series");
                Date due = SeasonDeadlines.endOf(season.forSeries(series).reviewClose());
                if (!due.equals(job.getDuedate())) {
                    management.setJobDuedate(job.getId(), due);
                }
                runtime.setVariable(job.getProcessInstanceId(), "reviewCloseDay",
                        season.forSeries(series).reviewClose().toString());
            }
        }
        for (Job job : management.createJobQuery().activityId(SeasonDeadlines.TIMER_EVALUATION_CLOSE).timers().list()) {
            Object year = runtime.getVariable(job.getProcessInstanceId(), "season");
            if (year instanceof Number n && n.intValue() == season.year()) {
                String series = (String) runtime.getVariable(job.getProcessInstanceId(), "series");
                management.setJobDuedate(job.getId(), SeasonDeadlines.endOf(season.forSeries(series).evaluationClose()));
                runtime.setVariable(job.getProcessInstanceId(), "evaluationCloseDay",
                        season.forSeries(series).evaluationClose().toString());
            }
        }
    }
}
