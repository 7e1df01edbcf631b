package cn.chifeng.title.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which engine commands only administrators may start: the pattern checked against the real 7.24 class names. */
class EngineGuardTest {
    private static final String CMD = "org.camunda.bpm.engine.impl.cmd.";

    /** Everything the issue names, and their kin: variables, messages, signals, task errors, jobs, instances. */
    static final List<String> ADMIN_ONLY = List.of("SetExecutionVariablesCmd", "SetTaskVariablesCmd",
            "RemoveExecutionVariablesCmd", "RemoveTaskVariablesCmd", "PatchExecutionVariablesCmd",
            "PatchTaskVariablesCmd", "CorrelateMessageCmd", "CorrelateAllMessageCmd", "MessageEventReceivedCmd",
            "SignalCmd", "SignalEventReceivedCmd", "HandleTaskBpmnErrorCmd", "HandleTaskEscalationCmd",
            "ExecuteJobsCmd", "SetJobDuedateCmd", "SetJobRetriesCmd", "RecalculateJobDuedateCmd",
            "ModifyProcessInstanceCmd", "ProcessInstanceModificationCmd", "ModifyProcessInstanceAsyncCmd",
            "MigrateProcessInstanceCmd", "RestartProcessInstancesCmd", "DeleteProcessInstanceCmd",
            "DeleteProcessInstancesCmd", "SuspendProcessInstanceCmd", "ActivateProcessInstanceCmd",
            "UpdateProcessInstancesSuspendStateCmd", "StartProcessInstanceCmd", "StartProcessInstanceAtActivitiesCmd",
            "SubmitStartFormCmd", "DeployCmd", "DeleteDeploymentCmd", "SetProcessDefinitionVersionCmd",
            "DeleteHistoricProcessInstancesCmd", "SetVariablesToProcessInstancesBatchCmd");

    /** What Tasklist and a reviewer's day need: read, claim, complete (checked by the form), comment, filters. */
    static final List<String> EVERYONE = List.of("ClaimTaskCmd", "AssignTaskCmd", "DelegateTaskCmd",
            "CompleteTaskCmd", "SubmitTaskFormCmd", "ResolveTaskCmd", "AddCommentCmd", "GetTaskCommentsCmd",
            "GetTaskFormVariablesCmd", "GetDeployedTaskFormCmd", "GetRenderedTaskFormCmd", "GetFormKeyCmd",
            "GetIdentityLinksForTaskCmd", "ExecuteFilterListCmd", "ExecuteFilterListPageCmd", "ExecuteFilterCountCmd",
            "ExecuteFilterSingleResultCmd", "SaveFilterCmd", "GetFilterCmd", "SaveUserCmd", "GetUserInfoCmd",
            "GetTaskVariablesCmd", "GetExecutionVariablesCmd", "GetDeploymentResourceCmd",
            "GetDeploymentProcessModelCmd", "GetDeploymentProcessDiagramCmd", "GetActivityInstanceCmd",
            "GetPasswordPolicyCmd", "IsIdentityServiceReadOnlyCmd", "GetAttachmentCmd");

    /** The few named commands that live outside the engine's cmd package. */
    private static final Map<String, String> ELSEWHERE = Map.of(
            "MigrateProcessInstanceCmd", "org.camunda.bpm.engine.impl.migration.",
            "SetVariablesToProcessInstancesBatchCmd", "org.camunda.bpm.engine.impl.cmd.batch.variables.",
            "GetDeployedTaskFormCmd", "org.camunda.bpm.engine.impl.");

    @Test
    void theNamedCommandsExistInThisEngineVersion() throws ClassNotFoundException {
        for (String name : ADMIN_ONLY) {
            Class.forName(ELSEWHERE.getOrDefault(name, CMD) + name);
        }
        for (String name : EVERYONE) {
            Class.forName(ELSEWHERE.getOrDefault(name, CMD) + name);
        }
    }

    @Test
    void administratorsAloneStartWhatDecidesTheFlow() {
        for (String name : ADMIN_ONLY) {
            assertThat(EngineGuard.ADMIN_ONLY.matcher(name).matches()).as(name).isTrue();
        }
    }

    @Test
    void reviewersKeepWhatTheirWorkNeeds() {
        for (String name : EVERYONE) {
            assertThat(EngineGuard.ADMIN_ONLY.matcher(name).matches()).as(name).isFalse();
        }
    }

    @Test
    void aServerListedChoiceReadsStringsAndLabelledEntries() {
        assertThat(EngineGuard.listed(List.of("e1", "e2"))).containsExactly("e1", "e2");
        assertThat(EngineGuard.listed(List.of(Map.of("label", "张三", "value", "e7")))).containsExactly("e7");
        assertThat(EngineGuard.listed(null)).isEmpty();
    }
}
