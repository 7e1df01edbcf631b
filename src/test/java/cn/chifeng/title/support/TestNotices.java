package cn.chifeng.title.support;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;

import cn.chifeng.title.publicity.PublicityService;

/**
 * Passes the stage notice (REV-1 unit notice, REV-3 roster) of an application that waits for one: the responsible
 * body publishes it and the period ends without objections, as it would after 5 working days.
 */
public class TestNotices {
    private final ProcessEngine engine;
    private final PublicityService publicity;
    private final TestUsers users;

    TestNotices(ProcessEngine engine, PublicityService publicity, TestUsers users) {
        this.engine = engine;
        this.publicity = publicity;
        this.users = users;
    }

    /** @return whether a notice was passed */
    public boolean passIfWaiting(String processInstanceId) {
        var runtime = engine.getRuntimeService();
        if (runtime.createExecutionQuery().processInstanceId(processInstanceId).activityId("Receive_StagePublicity")
                .count() == 0) {
            return false;
        }
        String kind = (String) runtime.getVariable(processInstanceId, "stagePublicity");
        String group = (String) runtime.getVariable(processInstanceId, "publicityGroup");
        String applicationId = (String) runtime.getVariable(processInstanceId, "applicationId");
        var publication = users.api(users.reviewer(group), () -> publicity.publish(kind, List.of(applicationId), null, null, null));
        var management = engine.getManagementService();
        management.executeJob(management.createJobQuery().processInstanceId(publication.processInstanceId()).timers()
                .singleResult().getId());
        return true;
    }
}
