package cn.chifeng.title.correction;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.chifeng.title.common.Zones;
import cn.chifeng.title.process.TitleApplicationProcess.Vars;

/**
 * {@code Task_IssueCorrectionNotice}: see {@link CorrectionNoticeIssue}; the timer waits until the end of the
 * deadline day in China.
 */
@Component("issueCorrectionNoticeDelegate")
class IssueCorrectionNoticeDelegate implements JavaDelegate {
    private final CorrectionNoticeIssue issue;

    IssueCorrectionNoticeDelegate(CorrectionNoticeIssue issue) {
        this.issue = issue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CorrectionNotice notice = issue.issue((String) execution.getVariable(Vars.APPLICATION_ID),
                (String) execution.getVariable(Vars.LAST_COMMENT), (String) execution.getVariable(Vars.LAST_REVIEWER),
                execution.getVariable(Vars.CORRECTION_WORKING_DAYS));
        execution.setVariable(Vars.CORRECTION_ISSUED, true);
        execution.setVariable(Vars.CORRECTION_DEADLINE_DAY, notice.deadline().toString());
        execution.setVariable(Vars.CORRECTION_DEADLINE,
                Date.from(notice.deadline().plusDays(1).atStartOfDay(Zones.CHINA).toInstant()));
    }
}
