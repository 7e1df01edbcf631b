package cn.chifeng.title.publicity;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.process.NoticeWorkProcess.Vars;
import cn.chifeng.title.security.CompletionRefusedException;
import cn.chifeng.title.security.RunAs;

/**
 * Completing 发布公示 publishes the selection as the reviewer who completed it, through the same service and checks
 * as {@code POST /api/publications} (each selected application must still wait for this body's notice of the kind;
 * the period at least the minimum); a refusal leaves the task open with the reason.
 */
@Component("publishNoticeListener")
class PublishNoticeListener implements TaskListener {
    private final PublicityService publicity;
    private final IdentityService identity;

    PublishNoticeListener(PublicityService publicity, IdentityService identity) {
        this.publicity = publicity;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication auth = identity.getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            throw new CompletionRefusedException(Vars.SELECTED, "发布公示须由负责公示的机构人员登录后办理");
        }
        List<String> selected = PublishNoticeRule.selection(task.getVariable(Vars.SELECTED));
        LocalDate start = PublishNoticeRule.startDate(task.getVariable(Vars.START_DATE));
        Integer days = PublishNoticeRule.workingDays(task.getVariable(Vars.WORKING_DAYS));
        String kind = (String) task.getVariable(Vars.NOTICE_KIND);
        NoticeWork.FROM_TASK.set(true);
        try {
            RunAs.caller(identity, auth.getUserId(), () -> publicity.publish(kind, selected, start, days, null));
        } catch (ApiException e) {
            throw new CompletionRefusedException(Vars.SELECTED, e.messageWithFieldMessages());
        } finally {
            NoticeWork.FROM_TASK.remove();
            identity.setAuthentication(auth);
        }
        task.getExecution().removeVariable(Vars.SELECTED);
        task.getExecution().removeVariable(Vars.START_DATE);
        task.getExecution().removeVariable(Vars.WORKING_DAYS);
    }
}
