package cn.chifeng.title.committee;

import static cn.chifeng.title.process.EvaluationSessionProcess.Vars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.chifeng.title.process.EvaluationSessionProcess;

/**
 * The thin glue of the {@code evaluation-session} model: each listener reads its form's fields, calls one method of
 * the product's services (which check everything and write the flow state), and removes the fields.
 */
@Configuration
class SessionListeners {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String user(DelegateTask task) {
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            throw new NotValidException("须登录后办理");
        }
        if (task.getAssignee() == null) {
            task.setAssignee(auth.getUserId());
        }
        return auth.getUserId();
    }

    private static String session(DelegateExecution e) {
        return (String) e.getVariable(Vars.SESSION_ID);
    }

    private static String text(DelegateTask task, String name) {
        Object v = task.getVariable(name);
        return v == null ? null : v.toString();
    }

    private static void remove(DelegateTask task, String... names) {
        for (String n : names) {
            task.getExecution().removeVariable(n);
        }
    }

    @Bean("planDecisionListener")
    TaskListener planDecision(SessionService plans) {
        return task -> {
            String decision = text(task, Vars.PLAN_DECISION);
            String comment = text(task, Vars.PLAN_COMMENT);
            boolean approved = plans.decidePlan(session(task.getExecution()), decision, comment, user(task));
            remove(task, Vars.PLAN_DECISION, Vars.PLAN_COMMENT);
            task.getExecution().setVariable(Vars.PLAN_APPROVED, approved);
            task.getExecution().setVariable(Vars.RETURN_REASON, approved ? null : comment.trim());
        };
    }

    @Bean("planRefiledListener")
    TaskListener planRefiled(SessionService plans) {
        return task -> {
            if (!Boolean.TRUE.equals(task.getVariable(Vars.PLAN_REFILED))) {
                throw new NotValidException("请确认已按退回意见修改评审方案");
            }
            user(task);
            plans.refile(session(task.getExecution()));
            remove(task, Vars.PLAN_REFILED);
        };
    }

    @Bean("drawExpertsDelegate")
    JavaDelegate drawExperts(SessionExperts experts) {
        return execution -> {
            Object reason = execution.getVariable(Vars.REDRAW_REASON);
            experts.draw(session(execution), reason == null ? "按评审方案首次抽取" : "重新抽取：" + reason,
                    reason == null ? "system" : String.valueOf(execution.getVariable(Vars.REDRAW_BY)));
            execution.removeVariable(Vars.REDRAW_REASON);
            execution.removeVariable(Vars.REDRAW_BY);
            execution.removeVariable(Vars.DRAW_PROBLEM);
        };
    }

    @Bean("redrawReasonListener")
    TaskListener redrawReason() {
        return task -> {
            String reason = text(task, Vars.REDRAW_REASON);
            String problem = cn.chifeng.title.common.Texts.problem(reason, "重新抽取的理由", 2000, true);
            if (problem != null) {
                throw new NotValidException(problem);
            }
            task.getExecution().setVariable(Vars.REDRAW_BY, user(task));
            task.getExecution().setVariable(Vars.REDRAW_REASON, reason.trim());
        };
    }

    /** Start of a seat: its number and expert are local to it; the seat's form fields too (no two seats collide). */
    @Bean("expertSeatListener")
    ExecutionListener expertSeat(SessionExperts experts) {
        return execution -> {
            int seat = ((Number) execution.getVariable(Vars.LOOP_COUNTER)).intValue();
            execution.setVariableLocal(Vars.SEAT, seat);
            execution.setVariableLocal(Vars.EXPERT, experts.accountOfSeat(session(execution), seat));
            execution.setVariableLocal(Vars.ATTENDS, false);
            execution.setVariableLocal(Vars.REPLACED, false);
            execution.setVariableLocal(Vars.ATTENDANCE, null);
            execution.setVariableLocal(Vars.DECLINE_REASON, null);
            execution.setVariableLocal(Vars.REVIEW_DONE, null);
        };
    }

    @Bean("attendanceListener")
    TaskListener attendance(SessionExperts experts) {
        return task -> {
            int seat = ((Number) task.getVariable(Vars.SEAT)).intValue();
            SessionExperts.Answer a = experts.answer(session(task.getExecution()), seat,
                    text(task, Vars.ATTENDANCE), text(task, Vars.DECLINE_REASON), user(task));
            task.getExecution().setVariable(Vars.ATTENDS, a.attends());
            task.getExecution().setVariable(Vars.REPLACED, a.replacementAccount() != null);
            if (a.replacementAccount() != null) {
                task.getExecution().setVariable(Vars.EXPERT, a.replacementAccount());
            }
            task.getExecution().setVariable(Vars.ATTENDANCE, null);
            task.getExecution().setVariable(Vars.DECLINE_REASON, null);
        };
    }

    @Bean("blindReviewDoneListener")
    TaskListener blindReviewDone(BlindReview blind) {
        return task -> {
            if (!Boolean.TRUE.equals(task.getVariable(Vars.REVIEW_DONE))) {
                throw new NotValidException("请在填写全部评审意见后勾选确认");
            }
            blind.checkAllReviewed(session(task.getExecution()), user(task));
            task.getExecution().setVariable(Vars.REVIEW_DONE, null);
        };
    }

    /** The meeting's form lists the confirmed experts by name: only now, and only in the office's task. */
    @Bean("meetingChoicesListener")
    TaskListener meetingChoices(SessionExperts experts) {
        return task -> {
            List<Map<String, String>> choices = new ArrayList<>();
            for (PoolCandidates.PoolExpert e : experts.confirmedMembers(session(task.getExecution()))) {
                Map<String, String> c = new LinkedHashMap<>();
                c.put("label", e.name() + "（" + e.employerName() + "）");
                c.put("value", String.valueOf(e.candidate().id()));
                choices.add(c);
            }
            try {
                task.setVariableLocal(Vars.MEMBER_CHOICES, SpinValues.jsonValue(JSON.writeValueAsString(choices))
                        .create());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Bean("meetingOpenedListener")
    TaskListener meetingOpened(SessionVote vote) {
        return task -> {
            user(task);
            Object attendees = task.getVariable(Vars.ATTENDEES);
            List<String> ids = new ArrayList<>();
            if (attendees instanceof java.util.Collection<?> c) {
                c.forEach(x -> ids.add(String.valueOf(x)));
            } else if (attendees instanceof org.camunda.spin.json.SpinJsonNode json && json.isArray()) {
                json.elements().forEach(x -> ids.add(x.isString() ? x.stringValue() : String.valueOf(x.numberValue())));
            }
            vote.open(session(task.getExecution()), ids);
            remove(task, Vars.ATTENDEES);
        };
    }

    @Bean("voteClosedListener")
    TaskListener voteClosed(SessionVote vote) {
        return task -> {
            if (!Boolean.TRUE.equals(task.getVariable(Vars.VOTE_CLOSED))) {
                throw new NotValidException("请确认表决已结束");
            }
            user(task);
            vote.close(session(task.getExecution()));
            remove(task, Vars.VOTE_CLOSED);
        };
    }

    @Bean("resultsPublishedListener")
    TaskListener resultsPublished(SessionResults results) {
        return task -> {
            results.publish(session(task.getExecution()), text(task, Vars.NOTICE_START),
                    (Number) task.getVariable(Vars.NOTICE_WORKING_DAYS), text(task, Vars.NOTICE_TITLE), user(task));
            remove(task, Vars.NOTICE_START, Vars.NOTICE_WORKING_DAYS, Vars.NOTICE_TITLE);
        };
    }

    @Bean("confirmationFiledListener")
    TaskListener confirmationFiled(SessionResults results) {
        return task -> {
            results.fileConfirmation(session(task.getExecution()), Boolean.TRUE.equals(task.getVariable(
                            Vars.HAS_APPROVAL_REPORT)), Boolean.TRUE.equals(task.getVariable(Vars.HAS_PUBLICITY_RECORD)),
                    Boolean.TRUE.equals(task.getVariable(Vars.HAS_ROSTER)),
                    Boolean.TRUE.equals(task.getVariable(Vars.HAS_COMMITMENT)), text(task, Vars.FILING_NOTE),
                    user(task));
            remove(task, Vars.HAS_APPROVAL_REPORT, Vars.HAS_PUBLICITY_RECORD, Vars.HAS_ROSTER, Vars.HAS_COMMITMENT,
                    Vars.FILING_NOTE);
        };
    }

    @Bean("resultsConfirmedListener")
    TaskListener resultsConfirmed(SessionResults results) {
        return task -> {
            results.confirm(session(task.getExecution()), text(task, Vars.CONFIRM_DECISION),
                    text(task, Vars.CONFIRM_COMMENT), user(task));
            remove(task, Vars.CONFIRM_DECISION, Vars.CONFIRM_COMMENT);
        };
    }

    @Bean("postponementDecisionListener")
    TaskListener postponementDecision(SessionResults results) {
        return task -> {
            results.decidePostponement(session(task.getExecution()),
                    ((Number) task.getVariable(Vars.POSTPONEMENT_ID)).longValue(),
                    text(task, Vars.POSTPONEMENT_DECISION), text(task, Vars.POSTPONEMENT_COMMENT), user(task));
            remove(task, Vars.POSTPONEMENT_DECISION, Vars.POSTPONEMENT_COMMENT);
        };
    }

    @Bean("confirmationReminderDelegate")
    JavaDelegate confirmationReminder(SessionResults results) {
        return execution -> results.remind(session(execution));
    }
}
