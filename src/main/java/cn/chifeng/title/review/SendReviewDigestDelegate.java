package cn.chifeng.title.review;

import cn.chifeng.title.process.ReviewRemindersProcess;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Daily at 08:00 China time: the reviewers' digest before the review close. */
@Component("sendReviewDigestDelegate")
class SendReviewDigestDelegate implements JavaDelegate {
    private final ReviewDigest digest;

    SendReviewDigestDelegate(ReviewDigest digest) {
        this.digest = digest;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ReviewRemindersProcess.Vars.DIGESTS_QUEUED, digest.sendToday());
    }
}
