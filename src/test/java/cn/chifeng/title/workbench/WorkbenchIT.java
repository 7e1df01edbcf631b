package cn.chifeng.title.workbench;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ReviewStep;
import cn.chifeng.title.material.MaterialService;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.StaffClient;

/**
 * The reviewers' workbench over the real HTTP stack, signed in to Tasklist: an application's readable page and its
 * materials, opened from a task before it is claimed; 批量审核 of 50 applications of which one a colleague holds
 * and one belongs to another unit; the refusals of the wrong reviewer and of a batch without 内容属实.
 */
class WorkbenchIT extends IntegrationTestBase {
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    TestRestTemplate http;
    @Autowired
    ApplicationService applications;
    @Autowired
    MaterialService materials;
    @Autowired
    TaskService tasks;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private ApplicationRecord submitted(String name, String employerGroupDossier) {
        String applicant = users.applicant("wb-" + System.nanoTime());
        var d = "elsewhere".equals(employerGroupDossier)
                ? dossier().name(name).applicantUserId(applicant).employer("1215040252601815JU", "红山区人民医院",
                        "PUBLIC_INSTITUTION", "COUNTY", "hongshan", "hongshan-health")
                : dossier().name(name).applicantUserId(applicant);
        return users.api(applicant, () -> applications.submit(d.build()));
    }

    private Task taskOf(ApplicationRecord a) {
        return tasks.createTaskQuery().processInstanceBusinessKey(a.id()).singleResult();
    }

    @Test
    void aReviewerReadsTheApplicationAndDownloadsItsMaterialsFromTheTaskBeforeClaimingIt() {
        ApplicationRecord a = submitted("柴文静", "hospital");
        users.api(a.applicantUserId(), () -> materials.upload(a.id(), "EDUCATION", "学历证书.pdf", PDF, false));
        StaffClient unit = StaffClient.login(http, users.reviewer("unit-nc-hospital"));

        ResponseEntity<String> viaTask = unit.get("/staff/tasks/" + taskOf(a).getId());
        assertThat(viaTask.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(viaTask.getBody()).contains("柴文静 · 申报详情").contains(a.id()).contains("审核中")
                .contains("基本情况").contains("身份证号").contains(a.idNumber()).contains("宁城县中心医院")
                .contains("学历学位证书").contains("学历证书.pdf").contains("尚未上传：").contains("审核记录");
        assertThat(taskOf(a).getAssignee()).as("reading claims nothing").isNull();

        long materialId = users.api(a.applicantUserId(), () -> materials.overview(a.id())).materials().get(0).id();
        ResponseEntity<byte[]> file = unit.bytes("/staff/applications/" + a.id() + "/materials/" + materialId);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getBody()).isEqualTo(PDF);
        assertThat(unit.get("/staff/applications/" + a.id() + "/materials/x").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        StaffClient otherUnit = StaffClient.login(http, users.reviewer("unit-nc-school"));
        assertThat(otherUnit.get("/staff/applications/" + a.id()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherUnit.get("/staff/tasks/" + taskOf(a).getId()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherUnit.bytes("/staff/applications/" + a.id() + "/materials/" + materialId).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> anonymous = http.getForEntity("/staff/applications/" + a.id(), String.class);
        assertThat(anonymous.getBody()).as("no webapp login: to Tasklist's login").doesNotContain(a.idNumber());
    }

    @Test
    void fiftyApplicationsAreApprovedInOneBatchEachItsOwnDecisionAndTheRefusedOnesAreReported() {
        List<ApplicationRecord> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(submitted("批量" + i, "hospital"));
        }
        String reviewer = users.reviewer("unit-nc-hospital");
        String colleague = users.user("wb-colleague", "unit-nc-hospital");
        ApplicationRecord held = batch.get(7);
        tasks.claim(taskOf(held).getId(), colleague);
        ApplicationRecord elsewhere = submitted("别院", "elsewhere");

        StaffClient staff = StaffClient.login(http, reviewer);
        ResponseEntity<String> page = staff.get("/staff/review");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("批量审核").contains(batch.get(0).id()).contains("批量0")
                .contains(batch.get(49).id()).doesNotContain(held.id()).doesNotContain(elsewhere.id());

        List<String> ids = new ArrayList<>(batch.stream().map(a -> taskOf(a).getId()).toList());
        ids.add(taskOf(elsewhere).getId());
        ResponseEntity<String> unattested = staff.post("/staff/review", Map.of("task", ids, "comment", List.of("同意")));
        assertThat(unattested.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unattested.getBody()).contains("内容属实");
        assertThat(taskOf(batch.get(0))).as("nothing approved").isNotNull();

        staff.get("/staff/review");
        ResponseEntity<String> done = staff.post("/staff/review", Map.of("task", ids, "attested", List.of("true"),
                "comment", List.of("材料齐全，同意推荐")));

        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(done.getBody()).contains("已通过 <strong id=\"approved\">49</strong> 件")
                .contains("未通过 <strong id=\"refused\">2</strong> 件").contains("已由 wb-colleague 认领")
                .contains("任务不存在、已办结或无权办理");
        for (ApplicationRecord a : batch) {
            List<ReviewStep> trail = applications.trail(a.id());
            if (a == held) {
                assertThat(trail).as("the colleague's is untouched").isEmpty();
                assertThat(taskOf(a).getAssignee()).isEqualTo(colleague);
                continue;
            }
            assertThat(trail).as(a.id()).singleElement().satisfies(s -> {
                assertThat(s.reviewer()).isEqualTo(reviewer);
                assertThat(s.decision()).isEqualTo("APPROVE");
                assertThat(s.attested()).isTrue();
                assertThat(s.comment()).isEqualTo("材料齐全，同意推荐");
            });
        }
        assertThat(applications.trail(elsewhere.id())).as("another unit's").isEmpty();
        assertThat(taskOf(elsewhere)).isNotNull();
    }

    @Test
    void theWorkbenchHomeOffersEachBodyItsOwnWorkAndABatchNeedsASelection() throws Exception {
        StaffClient staff = StaffClient.login(http, users.reviewer("ningcheng-hr"));
        assertThat(staff.get("/staff/").getBody()).contains("审核工作台").contains("宁城县人力资源和社会保障局")
                .contains("/staff/review");
        assertThat(staff.get("/staff/").getBody()).as("a county bureau reports rosters")
                .contains("/staff/reports/2025/rosters/SENIOR.xlsx?body=ningcheng-hr").contains("岗位数及申报人数统计表");
        ResponseEntity<byte[]> roster = staff.bytes("/staff/reports/2025/rosters/INTERMEDIATE.xlsx?body=ningcheng-hr");
        assertThat(roster.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(roster.getBody()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("花名册");
        }
        submitted("凑数", "hospital");
        staff = StaffClient.login(http, users.reviewer("unit-nc-hospital"));
        assertThat(staff.get("/staff/").getBody()).as("a unit reports none").doesNotContain("/staff/reports/");
        assertThat(staff.bytes("/staff/reports/2025/statistics.xlsx").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(staff.get("/staff/review").getBody()).contains("name=\"_csrf\"");
        ResponseEntity<String> none = staff.post("/staff/review", Map.of("attested", List.of("true")));
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(none.getBody()).contains("请至少选择一件申报");
        ResponseEntity<String> noToken = StaffClient.login(http, users.reviewer("ningcheng-hr"))
                .post("/staff/review", Map.of("task", List.of("x"), "attested", List.of("true")));
        assertThat(noToken.getStatusCode()).as("no CSRF token").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aTaskIsHandedToAColleagueOfItsBodyOnlyAndAnUpperLevelChasesItOnceADayWithAMarkOnItsCard() {
        ApplicationRecord a = submitted("许转办", "hospital");
        String reviewer = users.reviewer("unit-nc-hospital");
        String colleague = users.user("wb-hand-colleague", "unit-nc-hospital");
        String stranger = users.user("wb-hand-stranger", "unit-nc-school");
        StaffClient unit = StaffClient.login(http, reviewer);
        String page = unit.get("/staff/applications/" + a.id()).getBody();
        assertThat(page).contains("待办任务").contains("未认领").contains("转办给本单位同事")
                .contains("value=\"" + colleague + "\"").doesNotContain(stranger).doesNotContain("催办说明");

        ResponseEntity<String> wrong = unit.post("/staff/applications/" + a.id() + "/hand-over",
                Map.of("colleague", List.of(stranger)));
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrong.getBody()).contains("colleague");
        assertThat(taskOf(a).getAssignee()).isNull();

        unit.get("/staff/applications/" + a.id());
        ResponseEntity<String> handed = unit.post("/staff/applications/" + a.id() + "/hand-over",
                Map.of("colleague", List.of(colleague)));
        assertThat(handed.getBody()).as("back on the page, followed").contains("已转办给 " + colleague)
                .contains("<dd id=\"assignee\">" + colleague + "</dd>");
        assertThat(taskOf(a).getAssignee()).isEqualTo(colleague);
        assertThat(applications.trail(a.id())).singleElement().satisfies(s -> {
            assertThat(s.decision()).isEqualTo("HAND_OVER");
            assertThat(s.decisionLabel()).isEqualTo("转办");
            assertThat(s.reviewer()).isEqualTo(reviewer);
            assertThat(s.comment()).contains(colleague);
        });
        unit.get("/staff/applications/" + a.id());
        assertThat(unit.post("/staff/applications/" + a.id() + "/hand-over", Map.of("colleague", List.of(reviewer)))
                .getStatusCode()).as("now the colleague's to hand on").isEqualTo(HttpStatus.CONFLICT);

        // 催办 by the county HR bureau, later on the route; not by the unit itself, not by another county
        StaffClient county = StaffClient.login(http, users.reviewer("ningcheng-hr"));
        assertThat(county.get("/staff/applications/" + a.id()).getBody()).contains("催办说明")
                .doesNotContain("转办给本单位同事");
        ResponseEntity<String> urged = county.post("/staff/applications/" + a.id() + "/urge",
                Map.of("message", List.of("请于本周内完成单位审核")));
        assertThat(urged.getBody()).contains("已催办").contains("宁城县人力资源和社会保障局 06-10 催办");
        assertThat(tasks.getVariableLocal(taskOf(a).getId(), "urged")).isEqualTo("宁城县人力资源和社会保障局 06-10 催办");
        assertThat(taskOf(a).getPriority()).isEqualTo(80);
        assertThat(applications.trail(a.id())).last().satisfies(s -> {
            assertThat(s.decision()).isEqualTo("URGE");
            assertThat(s.comment()).contains("请于本周内完成单位审核");
        });
        assertThat(jdbc.queryForList("select recipient_user from notification where application_id = ? and event = ?",
                String.class, a.id(), "REVIEW_URGED")).contains(reviewer, colleague);
        county.get("/staff/applications/" + a.id());
        assertThat(county.post("/staff/applications/" + a.id() + "/urge", Map.of()).getStatusCode())
                .as("once a day").isEqualTo(HttpStatus.CONFLICT);
        unit.get("/staff/applications/" + a.id());
        assertThat(unit.post("/staff/applications/" + a.id() + "/urge", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        StaffClient otherCounty = StaffClient.login(http, users.reviewer("hongshan-hr"));
        assertThat(otherCounty.get("/staff/applications/" + a.id()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aReviewerRecallsTheirApprovalWhileTheNextStageHasNotTouchedItButNeverAReturn() {
        ApplicationRecord a = submitted("鲁撤回", "hospital");
        decide(a.id(), "APPROVE", "同意推荐");  // the unit, with its notice passed: now at 主管部门复核
        String department = users.reviewer("ningcheng-health");
        Task atDepartment = taskOf(a);
        users.as(department, () -> tasks.complete(atDepartment.getId(), Map.of("decision", "APPROVE", "comment", "同意",
                cn.chifeng.title.process.TitleApplicationProcess.Vars.ATTESTED, true)));
        notices.passIfWaiting(atDepartment.getProcessInstanceId());
        Task atCounty = taskOf(a);
        assertThat(atCounty.getTaskDefinitionKey()).isEqualTo("Task_CountyHrReview");

        StaffClient other = StaffClient.login(http, users.user("wb-recall-other", "ningcheng-health"));
        assertThat(other.get("/staff/applications/" + a.id()).getBody()).as("not theirs to recall")
                .doesNotContain("撤回审核通过");
        assertThat(other.post("/staff/applications/" + a.id() + "/recall", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        StaffClient reviewer = StaffClient.login(http, department);
        assertThat(reviewer.get("/staff/applications/" + a.id()).getBody()).contains("撤回审核通过");
        ResponseEntity<String> recalled = reviewer.post("/staff/applications/" + a.id() + "/recall",
                Map.of("reason", List.of("漏看继续教育学时")));
        assertThat(recalled.getBody()).contains("已撤回审核通过");
        Task again = taskOf(a);
        assertThat(again.getTaskDefinitionKey()).isEqualTo("Task_CompetentDeptReview");
        assertThat(again.getId()).isNotEqualTo(atDepartment.getId());
        assertThat(users.api(department, () -> applications.read(a.id())).currentStage()).isEqualTo("COMPETENT_DEPT");
        assertThat(applications.trail(a.id())).last().satisfies(s -> {
            assertThat(s.decision()).isEqualTo("RECALL");
            assertThat(s.stage()).isEqualTo("COMPETENT_DEPT");
            assertThat(s.reviewer()).isEqualTo(department);
            assertThat(s.comment()).contains("漏看继续教育学时");
        });
        reviewer.get("/staff/applications/" + a.id());
        assertThat(reviewer.post("/staff/applications/" + a.id() + "/recall", Map.of()).getStatusCode())
                .as("nothing left to recall").isEqualTo(HttpStatus.CONFLICT);

        // decided again and claimed by the county: too late
        users.as(department, () -> tasks.complete(again.getId(), Map.of("decision", "APPROVE", "comment", "已核实",
                cn.chifeng.title.process.TitleApplicationProcess.Vars.ATTESTED, true)));
        notices.passIfWaiting(again.getProcessInstanceId());
        tasks.claim(taskOf(a).getId(), users.reviewer("ningcheng-hr"));
        reviewer.get("/staff/applications/" + a.id());
        ResponseEntity<String> late = reviewer.post("/staff/applications/" + a.id() + "/recall", Map.of());
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody()).contains("已由 ningcheng-hr 认领");

        // a return has had its effect
        ApplicationRecord b = submitted("鲁退回", "hospital");
        decide(b.id(), "RETURN", "请补充学历证书");
        StaffClient unit = StaffClient.login(http, users.reviewer("unit-nc-hospital"));
        assertThat(unit.post("/staff/applications/" + b.id() + "/recall", Map.of()).getStatusCode())
                .isIn(HttpStatus.CONFLICT, HttpStatus.FORBIDDEN);
    }

    @Test
    void thePrintableAuditTrailListsEveryActionInOrder() {
        ApplicationRecord a = submitted("严审计", "hospital");
        users.api(a.applicantUserId(), () -> materials.upload(a.id(), "EDUCATION", "学历.pdf", PDF, false));
        decide(a.id(), "APPROVE", "同意推荐");
        StaffClient county = StaffClient.login(http, users.reviewer("ningcheng-hr"));
        String page = county.get("/staff/applications/" + a.id() + "/audit").getBody();
        assertThat(page).contains("职称申报审核全过程记录 · 严审计").contains("提交申报").contains("上传材料")
                .contains("学历.pdf").contains("单位审核 · 通过（内容属实）").contains("同意推荐")
                .contains("发布公示：").contains("unit-nc-hospital");
        assertThat(page.indexOf("提交申报")).isLessThan(page.indexOf("单位审核 · 通过"));
        assertThat(page.indexOf("单位审核 · 通过")).isLessThan(page.indexOf("发布公示："));
        assertThat(StaffClient.login(http, users.reviewer("hongshan-hr")).get("/staff/applications/" + a.id()
                + "/audit").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
