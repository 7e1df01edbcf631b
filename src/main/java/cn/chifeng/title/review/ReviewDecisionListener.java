package cn.chifeng.title.review;

import cn.chifeng.title.process.TitleApplicationProcess;

import cn.chifeng.title.application.ReviewTrail;

import cn.chifeng.title.process.ReviewDecision;

import static cn.chifeng.title.process.TitleApplicationProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.chifeng.title.process.Stage;

/**
 * On completion of a review task: enforces the form's rules on the server (REST completion bypasses the form),
 * records the decision with the authenticated reviewer in the trail (REV-4) and clears the form fields so that the
 * next stage starts with an empty form.
 */
@Component("reviewDecisionListener")
class ReviewDecisionListener implements TaskListener {
    private final ReviewTrail trail;

    ReviewDecisionListener(ReviewTrail trail) {
        this.trail = trail;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            throw new NotValidException("审核人必须登录后办理（审核人取当前登录用户）");
        }
        ReviewDecision decision = ReviewDecision.parse(task.getVariable(Vars.DECISION));
        String comment = task.getVariable(Vars.COMMENT) == null ? null : task.getVariable(Vars.COMMENT).toString().trim();
        boolean attested = Boolean.TRUE.equals(task.getVariable(Vars.ATTESTED));
        ReviewRules.check(decision, comment, attested);
        Stage stage = Stage.valueOf((String) task.getVariable(Vars.CURRENT_STAGE));
        if (decision == ReviewDecision.CORRECTION) {
            ReviewRules.checkCorrection(stage, Boolean.TRUE.equals(task.getVariable(TitleApplicationProcess.Vars.CORRECTION_ISSUED)));
        }

        String applicationId = (String) task.getVariable(Vars.APPLICATION_ID);
        trail.record(applicationId, stage, (String) task.getVariable(Vars.STAGE_GROUP), auth.getUserId(), decision,
                comment, attested, task.getId());
        if (task.getAssignee() == null) {
            task.setAssignee(auth.getUserId());
        }
        task.getExecution().setVariable(Vars.LAST_DECISION, decision.name());
        task.getExecution().setVariable(Vars.LAST_COMMENT, comment);
        task.getExecution().setVariable(Vars.LAST_REVIEWER, auth.getUserId());
        task.getExecution().setVariable(Vars.REVIEW_TRAIL, trail.formValue(applicationId));
        task.getExecution().removeVariable(Vars.TRAIL_DISPLAY);
        task.getExecution().removeVariable(Vars.DECISION);
        task.getExecution().removeVariable(Vars.COMMENT);
        task.getExecution().removeVariable(Vars.ATTESTED);
    }

    /** The rules of the review form, also checked here (REV-4). */
    static final class ReviewRules {
        private ReviewRules() {
        }

        static void check(ReviewDecision decision, String comment, boolean attested) {
            if (decision == null) {
                throw new NotValidException("审核结论无效：须为 APPROVE（通过）、RETURN（退回修改）、REJECT（不予通过）、"
                        + "FRAUD（发现虚假材料）或 CORRECTION（一次性告知补正，仅评委会办事机构）");
            }
            if (decision == ReviewDecision.CORRECTION && (comment == null || comment.isEmpty())) {
                throw new NotValidException("一次性告知须在审核意见中逐项列明需要补充更正的全部材料");
            }
            if (decision != ReviewDecision.APPROVE && (comment == null || comment.isEmpty())) {
                throw new NotValidException("审核结论为“" + decision.label() + "”时必须填写审核意见");
            }
            if (decision == ReviewDecision.APPROVE && !attested) {
                throw new NotValidException("审核通过须确认“内容属实”");
            }
        }

        /** COR-1, COR-2: only the committee office, and only once per application. */
        static void checkCorrection(Stage stage, boolean alreadyIssued) {
            if (stage != Stage.COMMITTEE_OFFICE) {
                throw new NotValidException("一次性告知补正只能由评委会办事机构在复核时发出");
            }
            if (alreadyIssued) {
                throw new NotValidException("该申报已发出过一次性补正告知，不能再次告知（通知 三(二)2：一次性书面告知）；"
                        + "请作出通过、退回修改、不予通过或发现虚假材料的结论");
            }
        }
    }
}
