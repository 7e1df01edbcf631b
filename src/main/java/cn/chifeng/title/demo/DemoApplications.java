package cn.chifeng.title.demo;

import cn.chifeng.title.process.TitleApplicationProcess;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.application.ResidentIdNumber;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.organisation.OrganisationDirectory.Employer;
import cn.chifeng.title.material.MaterialChecklist;
import cn.chifeng.title.material.MaterialService;
import cn.chifeng.title.publicity.PublicityService;
import cn.chifeng.title.security.RunAs;

/** Sample applications of the demo season, left at different stages by approving as the real reviewers. */
class DemoApplications {
    private final IdentityService identity;
    private final TaskService tasks;
    private final ApplicationService applications;
    private final OrganisationDirectory organisations;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final PublicityService publicity;
    private final MaterialService materials;

    DemoApplications(IdentityService identity, TaskService tasks, ApplicationService applications,
                     OrganisationDirectory organisations, RuntimeService runtime, ManagementService management,
                     PublicityService publicity, MaterialService materials) {
        this.materials = materials;
        this.runtime = runtime;
        this.management = management;
        this.publicity = publicity;
        this.identity = identity;
        this.tasks = tasks;
        this.applications = applications;
        this.organisations = organisations;
    }

    /** Approve at every stage, up to the committee. */
    private static final int EVERY_STAGE = 99;

    void create(int year) {
        // 宁城县中心医院, 卫生 副高级 → waits at the unit
        submit(year, "applicant1", "张伟", "150429199001011234", "unit-nc-hospital", "HEALTH", "ASSOCIATE_SENIOR", 0);
        // 宁城县中心医院 colleague → approved by the unit and the department: waits at 宁城县人社局
        submit(year, "applicant2", "王芳", "150429198803152345", "unit-nc-hospital", "HEALTH", "ASSOCIATE_SENIOR", 2);
        // 红山区人民医院 → waits at 红山区人社局
        submit(year, "applicant3", "李娜", "150402199107203456", "unit-hs-hospital", "HEALTH", "ASSOCIATE_SENIOR", 2);
        // 红山区 vocational school teacher, 中级 → waits at the city education bureau
        submit(year, "applicant4", "刘洋", "150402198912124567", "unit-hs-vocational", "SECONDARY_VOCATIONAL_TEACHER",
                "INTERMEDIATE", 2);
        // 赤峰市医院 (city doctor without rural service: 须审核) → forwarded to the region HR department
        submit(year, "applicant5", "陈静", "150404198705065678", "unit-city-hospital", "HEALTH", "ASSOCIATE_SENIOR", 3);
        // 赤峰市医院 colleagues approved at every stage → wait for a session of the region health committee
        submit(year, "applicant6", "赵敏", "150404198602076789", "unit-city-hospital", "HEALTH", "ASSOCIATE_SENIOR",
                EVERY_STAGE);
        submit(year, "applicant7", "孙强", "150404198511187890", "unit-city-hospital", "HEALTH", "ASSOCIATE_SENIOR",
                EVERY_STAGE);
    }

    private void submit(int year, String user, String name, String idStem, String employerGroup, String series,
                        String level, int approvals) {
        Employer e = organisations.employers().stream().filter(x -> x.group().equals(employerGroup)).findFirst()
                .orElseThrow();
        String id = idStem.substring(0, 17) + ResidentIdNumber.checkCharacter(idStem);
        Dossier d = new Dossier(year, name, id, "13800000000", user + "@demo.chifeng.invalid", series, "临床医学",
                level, "ASSOCIATE_SENIOR".equals(level) ? "INTERMEDIATE" : "ASSISTANT", LocalDate.of(2018, 7, 1), "BACHELOR", LocalDate.of(2012, 7, 1),
                LocalDate.of(2012, 8, 1), LocalDate.of(2012, 8, 1), e.name(), e.code(), e.type(), e.level(),
                e.county(), e.competentDepartment(), "REGULAR", List.of(), "NONE", false, null, null, false, false,
                true, true, false, user);
        // as an applicant does on the portal: a draft, the checklist's required materials, then the submission
        ApplicationRecord a = RunAs.caller(identity, "demo", () -> {
            ApplicationRecord draft = applications.saveDraft(null, d);
            for (MaterialChecklist.Item item : materials.overview(draft.id()).missingRequired()) {
                materials.upload(draft.id(), item.code(), item.name() + ".pdf", DemoPdf.of(draft.id(), item.code()), false);
            }
            return applications.submitDraft(draft.id());
        });
        for (int i = 0; i < approvals; i++) {
            Task t = tasks.createTaskQuery().processInstanceId(a.processInstanceId()).singleResult();
            if (t == null) {
                break; // every stage approved: the application waits for its committee's session
            }
            String reviewer = identity.createUserQuery().memberOfGroup(
                    tasks.getIdentityLinksForTask(t.getId()).stream().filter(l -> l.getGroupId() != null)
                            .findFirst().orElseThrow().getGroupId()).list().get(0).getId();
            as(reviewer, () -> {
                tasks.complete(t.getId(), Map.of("decision", "APPROVE", "comment", "材料齐全，情况属实", "attested", true));
                return null;
            });
            passNotice(a.processInstanceId());
        }
    }

    /** REV-1/REV-3 notices of the sample applications: published and, for the demo, already over. */
    private void passNotice(String processInstanceId) {
        if (runtime.createExecutionQuery().processInstanceId(processInstanceId).activityId("Receive_StagePublicity")
                .count() == 0) {
            return;
        }
        String group = (String) runtime.getVariable(processInstanceId, TitleApplicationProcess.Vars.PUBLICITY_GROUP);
        String kind = (String) runtime.getVariable(processInstanceId, TitleApplicationProcess.Vars.STAGE_PUBLICITY);
        String applicationId = (String) runtime.getVariable(processInstanceId, Vars.APPLICATION_ID);
        String member = identity.createUserQuery().memberOfGroup(group).list().get(0).getId();
        var publication = RunAs.caller(identity, member, () -> publicity.publish(kind, List.of(applicationId), null, null, null));
        management.executeJob(management.createJobQuery().processInstanceId(publication.processInstanceId())
                .timers().singleResult().getId());
    }

    private <T> T as(String user, Supplier<T> action) {
        return RunAs.user(identity, user, action);
    }
}
