package cn.chifeng.title.review;

import cn.chifeng.title.process.ReviewDecision;

import static cn.chifeng.title.process.TitleApplicationProcess.Vars;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import cn.chifeng.title.common.TaskCompletionRule;
import cn.chifeng.title.process.Stage;

/**
 * The review forms' rules (REV-4, COR-1, COR-2), checked by the engine guard before a completion runs, so that a
 * refusal reaches Tasklist as a plain Chinese message; {@link ReviewDecisionListener} checks them again in the
 * process.
 */
@Component
class ReviewCompletionRule implements TaskCompletionRule {

    @Override
    public Set<String> forms() {
        return Set.of("stage-review", "committee-office-review");
    }

    @Override
    public void check(Map<String, Object> submitted, Function<String, Object> taskVariable) {
        ReviewDecision decision = ReviewDecision.parse(submitted.get(Vars.DECISION));
        Object rawComment = submitted.get(Vars.COMMENT);
        String comment = rawComment == null ? null : rawComment.toString().trim();
        ReviewDecisionListener.ReviewRules.check(decision, comment, Boolean.TRUE.equals(submitted.get(Vars.ATTESTED)));
        if (decision == ReviewDecision.CORRECTION) {
            Object stage = taskVariable.apply(Vars.CURRENT_STAGE);
            ReviewDecisionListener.ReviewRules.checkCorrection(stage == null ? null : Stage.valueOf(stage.toString()),
                    Boolean.TRUE.equals(taskVariable.apply("correctionIssued")));
        }
    }
}
