package cn.chifeng.title.application;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.authorization.Authorization;
import org.springframework.stereotype.Component;

/** Lets the applicant read and update (resubmit, withdraw) their own process instance, and nothing else. */
@Component("grantApplicantAccessListener")
class GrantApplicantAccessListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        String applicant = (String) execution.getVariable("applicantUserId");
        if (applicant == null) {
            return;
        }
        AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
        Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        a.setUserId(applicant);
        a.setResource(Resources.PROCESS_INSTANCE);
        a.setResourceId(execution.getProcessInstanceId());
        a.addPermission(Permissions.READ);
        a.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(a);
    }
}
