package cn.chifeng.title.review;

import cn.chifeng.title.application.ReviewStep;

import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static cn.chifeng.title.support.Dossiers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.credit.CreditArchive;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;

/**
 * The {@code title-application} process end to end, with Spring and the database: a route of each family (county,
 * forwarded to the region, education, housing, talent centre, entrustment) run stage by stage to the result — the
 * stage tasks, their candidate groups and their order (REV-5) — and the paths of return (REV-8), rejection, fraud
 * (REV-7), withdrawal, spot check and committee evaluation. The route of every rule of the table is checked by
 * {@code routing/RouteResolutionIT}, every path of the model alone by {@code process/TitleApplicationProcessTest}.
 */
@Tag("postgres")
class TitleApplicationProcessIT extends IntegrationTestBase {
    @Autowired
    ApplicationService applications;
    @Autowired
    ApplicationRepository register;
    @Autowired
    TaskService tasks;
    @Autowired
    CreditArchive credit;
    @Autowired
    cn.chifeng.title.season.SeasonService seasons;
    @Autowired
    cn.chifeng.title.notification.NotificationOutbox outbox;
    @Autowired
    cn.chifeng.title.publicity.PublicityService publicity;

    // ---- a route of each family run through the whole process (every rule's route: routing/RouteResolutionIT) --

    @Test
    void countyHospitalGoesThroughUnitDepartmentCountyAndCityToTheCityCommittee() {
        runsRoute(dossier(), "cmte-engineering-city",
                "Task_UnitReview:unit-nc-hospital", "Task_CompetentDeptReview:ningcheng-health",
                "Task_CountyHrReview:ningcheng-hr", "Task_CityHrReview:city-hr",
                "Task_CommitteeOfficeReview:cmte-engineering-city");
    }

    @Test
    void countyAssociateSeniorIsForwardedLevelByLevelToTheRegion() {
        runsRoute(dossier().targetLevel("ASSOCIATE_SENIOR"), "cmte-engineering-region",
                "Task_UnitReview:unit-nc-hospital", "Task_CompetentDeptReview:ningcheng-health",
                "Task_CountyHrReview:ningcheng-hr", "Task_CityHrReview:city-hr", "Task_RegionHrReview:region-hr",
                "Task_CommitteeOfficeReview:cmte-engineering-region");
    }

    @Test
    void countySchoolTeacherApplyingSeniorGoesThroughTheEducationBureaus() {
        runsRoute(dossier().employer(NC_SCHOOL, "宁城县天义第一中学", "PUBLIC_INSTITUTION", "COUNTY", "ningcheng",
                        "ningcheng-edu").series("PRIMARY_SECONDARY_TEACHER").targetLevel("ASSOCIATE_SENIOR"),
                "cmte-pst-city",
                "Task_UnitReview:unit-nc-school", "Task_CountyEducationReview:ningcheng-edu",
                "Task_CityEducationReview:city-edu", "Task_CommitteeOfficeReview:cmte-pst-city");
    }

    @Test
    void countyConstructionEngineerGoesThroughHousingCountyHrAndCityHousing() {
        runsRoute(dossier().employer(WN_CONSTRUCTION, "翁牛特旗建筑工程公司", "STATE_ENTERPRISE", "COUNTY", "wengniute",
                        "wengniute-industry").series("CONSTRUCTION_ENGINEERING"), "cmte-construction-city",
                "Task_UnitReview:unit-wn-construction", "Task_CountyHousingReview:wengniute-housing",
                "Task_CountyHrReview:wengniute-hr", "Task_CityHousingReview:city-housing",
                "Task_CommitteeOfficeReview:cmte-construction-city");
    }

    @Test
    void freelancerStartsAtTheTalentCentreOfTheirCounty() {
        runsRoute(dossier().freelancer("aohan", "aohan-agri").series("AGRICULTURE"), "cmte-agriculture-city",
                "Task_TalentCentreReview:aohan-talent", "Task_CompetentDeptReview:aohan-agri",
                "Task_CountyHrReview:aohan-hr", "Task_CityHrReview:city-hr",
                "Task_CommitteeOfficeReview:cmte-agriculture-city");
    }

    @Test
    void stationedUnitApplyingSeniorNeedsTheEntrustmentLetterAndGoesToTheRegion() {
        runsRoute(dossier().employer(CENTRAL_GRID, "国网赤峰供电公司", "CENTRAL_STATIONED", "CITY", "hongshan",
                        "city-industry").series("ENGINEERING").targetLevel("ASSOCIATE_SENIOR"),
                "cmte-engineering-region",
                "Task_UnitReview:unit-central-grid", "Task_EntrustmentReview:region-hr",
                "Task_CountyHrReview:hongshan-hr", "Task_CityHrReview:city-hr", "Task_RegionHrReview:region-hr",
                "Task_CommitteeOfficeReview:cmte-engineering-region");
    }

    // ---- other paths ------------------------------------------------------------------------------------------

    @Test
    void returnedApplicationGoesBackToTheStageThatReturnedItAfterResubmission() {
        ApplicationRecord a = submit(dossier());
        approve(a, "unit-nc-hospital");
        decide(a, "ningcheng-health", "RETURN", "线上线下材料不一致：学历证书扫描件缺页", false);

        assertThat(register.find(a.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.RETURNED);
        assertThat(instance(a)).isWaitingAt(TitleApplicationProcess.RECEIVE_RESUBMISSION);

        users.api(a.applicantUserId(), () -> applications.resubmit(a.id()));

        assertThat(instance(a)).isWaitingAt("Task_CompetentDeptReview");
        assertThat(task(a).getTaskDefinitionKey()).isEqualTo("Task_CompetentDeptReview");
        assertThat(register.find(a.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        List<ReviewStep> trail = applications.trail(a.id());
        assertThat(trail).extracting(ReviewStep::stage, ReviewStep::decision, ReviewStep::reviewer)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("UNIT", "APPROVE", "unit-nc-hospital"),
                        org.assertj.core.groups.Tuple.tuple("COMPETENT_DEPT", "RETURN", "ningcheng-health"));
        assertThat(trail.get(1).comment()).contains("学历证书");
    }

    @Test
    void aReturnedApplicationNotResubmittedByTheReviewCloseEndsAsNotSubmittedInTime() {
        ApplicationRecord a = submit(dossier());
        decide(a, "unit-nc-hospital", "RETURN", "请补充业绩材料", false);
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(a.processInstanceId())
                .activityId(TitleApplicationProcess.TIMER_REVIEW_CLOSE).singleResult();
        // the end of 2025-07-02 in China, whatever the machine's zone
        assertThat(timer.getDuedate().toInstant()).isEqualTo(java.time.Instant.parse("2025-07-02T16:00:00Z"));
        try {
            // on the engine's clock the timer is not due at 23:59 China time on 07-02, and is due just after midnight
            ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2025-07-02T15:59:00Z")));
            assertThat(engine.getManagementService().createJobQuery().jobId(timer.getId()).executable().count())
                    .isZero();
            ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2025-07-02T16:00:01Z")));
            assertThat(engine.getManagementService().createJobQuery().jobId(timer.getId()).executable().count())
                    .isOne();
        } finally {
            ClockUtil.reset();
        }

        engine.getManagementService().executeJob(timer.getId());

        assertThat(instance(a)).isEnded().hasPassed(TitleApplicationProcess.END_EXPIRED);
        assertThat(register.find(a.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.EXPIRED);
    }

    @Test
    void aReviewStillPendingBelowTheCommitteeOfficeAtTheReviewCloseIsEscalatedToTheNextLevelAndTheCityBureau() {
        ApplicationRecord a = submit(dossier());
        approve(a, "unit-nc-hospital");
        approve(a, "ningcheng-health");
        users.reviewer("city-hr");
        Job escalation = engine.getManagementService().createJobQuery().processInstanceId(a.processInstanceId())
                .activityId("Timer_ReviewCloseEscalation").singleResult();
        assertThat(escalation.getDuedate().toInstant()).isEqualTo(java.time.Instant.parse("2025-07-02T16:00:00Z"));

        engine.getManagementService().executeJob(escalation.getId());

        assertThat(task(a).getTaskDefinitionKey()).isEqualTo("Task_CountyHrReview");
        assertThat(outbox.ofApplication(a.id())).filteredOn(n -> n.event().equals("ESCALATION"))
                .extracting(cn.chifeng.title.notification.Notification::recipientUser).contains("city-hr")
                .allSatisfy(u -> assertThat(u).isNotEqualTo("ningcheng-hr"));
        assertThat(outbox.ofApplication(a.id())).filteredOn(n -> n.event().equals("ESCALATION")).first()
                .satisfies(n -> assertThat(n.body()).contains("旗县区人社局审核").contains("2025-07-02"));
    }

    @Test
    void movingTheReviewCloseMovesTheTimersOfTheSeasonsWaitingApplications() {
        seasons.update(2035, new cn.chifeng.title.season.Season(2035, java.time.LocalDate.of(2025, 6, 1),
                java.time.LocalDate.of(2025, 6, 25), java.time.LocalDate.of(2025, 7, 2),
                java.time.LocalDate.of(2025, 7, 15), java.time.LocalDate.of(2025, 9, 30), null));
        ApplicationRecord a = submit(dossier().season(2035));
        decide(a, "unit-nc-hospital", "RETURN", "请补充业绩材料", false);
        ApplicationRecord pending = submit(dossier().season(2035));

        seasons.update(2035, new cn.chifeng.title.season.Season(2035, java.time.LocalDate.of(2025, 6, 1),
                java.time.LocalDate.of(2025, 6, 25), java.time.LocalDate.of(2025, 7, 9),
                java.time.LocalDate.of(2025, 7, 15), java.time.LocalDate.of(2025, 9, 30), null));

        Job timer = engine.getManagementService().createJobQuery().processInstanceId(a.processInstanceId())
                .activityId(TitleApplicationProcess.TIMER_REVIEW_CLOSE).singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(java.time.Instant.parse("2025-07-09T16:00:00Z"));
        Job escalation = engine.getManagementService().createJobQuery().processInstanceId(pending.processInstanceId())
                .activityId(TitleApplicationProcess.TIMER_REVIEW_CLOSE_ESCALATION).singleResult();
        assertThat(escalation.getDuedate().toInstant()).isEqualTo(java.time.Instant.parse("2025-07-09T16:00:00Z"));
    }

    @Test
    void aReviewPendingAtTheUnitAtTheReviewCloseIsEscalatedToTheDepartmentAndTheCityBureau() {
        ApplicationRecord a = submit(dossier());
        String department = users.reviewer("ningcheng-health");
        users.reviewer("city-hr");
        Job escalation = engine.getManagementService().createJobQuery().processInstanceId(a.processInstanceId())
                .activityId(TitleApplicationProcess.TIMER_REVIEW_CLOSE_ESCALATION).singleResult();

        engine.getManagementService().executeJob(escalation.getId());

        assertThat(task(a).getTaskDefinitionKey()).isEqualTo("Task_UnitReview");
        assertThat(outbox.ofApplication(a.id())).filteredOn(n -> n.event().equals("ESCALATION"))
                .extracting(cn.chifeng.title.notification.Notification::recipientUser)
                .contains(department, "city-hr").doesNotContain("ningcheng-hr");
    }

    @Test
    void fraudCancelsTheApplicationAndRecordsTheViolation() {
        ApplicationRecord a = submit(dossier());
        decide(a, "unit-nc-hospital", "FRAUD", "论文系伪造", false);

        assertThat(instance(a)).isEnded().hasPassed(TitleApplicationProcess.TASK_RECORD_VIOLATION,
                TitleApplicationProcess.END_CANCELLED);
        assertThat(register.find(a.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.CANCELLED);
        assertThat(credit.count(a.idNumber())).isEqualTo(1);
    }

    @Test
    void rejectionEndsTheApplication() {
        ApplicationRecord a = submit(dossier());
        decide(a, "unit-nc-hospital", "REJECT", "不符合单位推荐条件", false);

        assertThat(instance(a)).isEnded().hasPassed(TitleApplicationProcess.END_REJECTED);
        assertThat(register.find(a.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.REJECTED);
    }

    @Test
    void applicantWithoutEnoughYearsIsIneligibleAtOnce() {
        ApplicationRecord a = submit(dossier().currentTitleDate(java.time.LocalDate.of(2022, 1, 1)));

        assertThat(a.status()).isEqualTo(ApplicationStatus.INELIGIBLE);
        assertThat(instance(a)).isEnded().hasPassed(TitleApplicationProcess.END_INELIGIBLE);
    }

    @Test
    void withdrawalEndsTheApplicationWhereverItIs() {
        ApplicationRecord a = submit(dossier());
        approve(a, "unit-nc-hospital");
        users.api(a.applicantUserId(), () -> applications.withdraw(a.id()));

        assertThat(instance(a)).isEnded().hasPassed(TitleApplicationProcess.END_WITHDRAWN);
        assertThat(register.find(a.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    }

    @Test
    void cityBureauSpotCheckReturnsAnEducationRouteApplicationAndItComesBackToTheSameStage() {
        ApplicationRecord a = submit(dossier().employer(HS_VOCATIONAL, "红山区职业技术学校", "PUBLIC_INSTITUTION", "COUNTY",
                "hongshan", "hongshan-edu").series("SECONDARY_VOCATIONAL_TEACHER"));
        approve(a, "unit-hs-vocational");
        users.api(users.reviewer("city-hr"), () -> applications.spotCheckReturn(a.id(), "抽查发现业绩材料与线上不一致"));

        assertThat(instance(a)).isWaitingAt(TitleApplicationProcess.RECEIVE_RESUBMISSION);
        users.api(a.applicantUserId(), () -> applications.resubmit(a.id()));
        assertThat(task(a).getTaskDefinitionKey()).isEqualTo("Task_CountyEducationReview");
        assertThat(applications.trail(a.id())).extracting(ReviewStep::stage).containsExactly("UNIT", "CITY_HR");
    }

    @Test
    void committeeEvaluationThatDoesNotPassEndsAsNotPassed() {
        ApplicationRecord a = submit(dossier().employer(CITY_HOSPITAL, "赤峰市医院", "PUBLIC_INSTITUTION", "CITY",
                "hongshan", "city-health"));
        for (String g : List.of("unit-city-hospital", "city-health", "city-hr", "cmte-engineering-city")) {
            approve(a, g);
        }
        evaluate(a, "cmte-engineering-city", "NOT_PASSED");
        assertThat(instance(a)).isEnded().hasPassed(TitleApplicationProcess.END_NOT_PASSED);
        assertThat(register.find(a.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.NOT_PASSED);
    }

    @Test
    void serverRefusesADecisionOutsideTheAllowedCodes() {
        ApplicationRecord a = submit(dossier());
        assertThatThrownBy(() -> decide(a, "unit-nc-hospital", "MAYBE", "看情况", true))
                .isInstanceOf(cn.chifeng.title.security.CompletionRefusedException.class)
                .hasMessageContaining("“审核结论”的取值“MAYBE”无效");
        assertThat(task(a).getTaskDefinitionKey()).isEqualTo("Task_UnitReview");
    }

    @Test
    void serverRequiresACommentUnlessApproved() {
        ApplicationRecord a = submit(dossier());
        assertThatThrownBy(() -> decide(a, "unit-nc-hospital", "RETURN", "  ", false))
                .isInstanceOf(cn.chifeng.title.security.CompletionRefusedException.class).hasMessageContaining("必须填写审核意见");
    }

    @Test
    void serverRequiresTheAttestationToApprove() {
        ApplicationRecord a = submit(dossier());
        assertThatThrownBy(() -> decide(a, "unit-nc-hospital", "APPROVE", null, false))
                .isInstanceOf(cn.chifeng.title.security.CompletionRefusedException.class).hasMessageContaining("内容属实");
    }

    @Test
    void reviewerIsTheAuthenticatedUserNeverAFormField() {
        ApplicationRecord a = submit(dossier());
        String other = users.user("nc-hospital-reviewer-2", "unit-nc-hospital");
        Task t = task(a);
        assertThatThrownBy(() -> users.as(other, () -> tasks.complete(t.getId(), Map.of(Vars.DECISION, "APPROVE",
                Vars.ATTESTED, true, "reviewer", "somebody-else"))))
                .isInstanceOf(cn.chifeng.title.security.CompletionRefusedException.class).hasMessageContaining("reviewer");
        assertThat(task(a).getId()).isEqualTo(t.getId());

        users.as(other, () -> tasks.complete(t.getId(), Map.of(Vars.DECISION, "APPROVE", Vars.ATTESTED, true)));
        assertThat(applications.trail(a.id()).get(0).reviewer()).isEqualTo(other);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(t.getId()).singleResult()
                .getAssignee()).isEqualTo(other);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private void runsRoute(Dossiers dossier, String committee, String... stages) {
        ApplicationRecord a = submit(dossier);
        // every reviewer's form shows the eligibility verdict, channel and reasons (ELI-17)
        assertThat((String) engine.getTaskService().getVariable(task(a).getId(), Vars.ELIGIBILITY_DISPLAY))
                .containsPattern("^(符合申报条件|须审核人判断)（").contains("ELI-");
        List<String> expectedRoute = new ArrayList<>();
        for (String stage : stages) {
            String[] taskAndGroup = stage.split(":");
            Task t = task(a);
            assertThat(t.getTaskDefinitionKey()).as("stage task").isEqualTo(taskAndGroup[0]);
            assertThat(candidateGroups(t)).as("candidate group of " + taskAndGroup[0]).containsExactly(taskAndGroup[1]);
            expectedRoute.add(taskAndGroup[0]);
            approve(a, taskAndGroup[1]);
        }
        assertThat(task(a)).as("no task while the application waits for its session").isNull();
        assertThat(instance(a)).isWaitingAt(TitleApplicationProcess.RECEIVE_COMMITTEE_EVALUATION);
        assertThat(engine.getRuntimeService().getVariable(a.processInstanceId(), Vars.COMMITTEE_GROUP))
                .isEqualTo(committee);
        assertThat(register.find(a.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.IN_EVALUATION);
        evaluate(a, committee, "PASSED");
        assertThat(register.find(a.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.IN_PUBLICITY);
        publishResultsAndEndThePeriod(a, committee);
        expectedRoute.add(TitleApplicationProcess.RECEIVE_COMMITTEE_EVALUATION);
        expectedRoute.add(TitleApplicationProcess.RECEIVE_RESULT_PUBLICITY);
        expectedRoute.add(TitleApplicationProcess.END_PASSED);
        assertThat(instance(a)).isEnded().hasPassedInOrder(expectedRoute.toArray(String[]::new));
        assertThat(register.find(a.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.PASSED);
        assertThat(applications.trail(a.id())).hasSize(stages.length).allMatch(s -> "APPROVE".equals(s.decision()));
    }

    /** PUB-1: the committee publishes the result for 5 working days; the period ends without objections. */
    private void publishResultsAndEndThePeriod(ApplicationRecord a, String committee) {
        var publication = users.api(users.reviewer(committee), () -> publicity.publishResults(List.of(a.id()), null, null, null));
        Job end = engine.getManagementService().createJobQuery().processInstanceId(publication.processInstanceId())
                .timers().singleResult();
        engine.getManagementService().executeJob(end.getId());
    }

    private ApplicationRecord submit(Dossiers dossier) {
        String applicant = users.applicant("applicant-" + System.nanoTime());
        return users.api(applicant, () -> applications.submit(dossier.build()));
    }

    /** The process instance of the application, running or ended (the assertions only need its id). */
    private ProcessInstance instance(ApplicationRecord a) {
        ExecutionEntity e = new ExecutionEntity();
        e.setId(a.processInstanceId());
        e.setProcessInstanceId(a.processInstanceId());
        return e;
    }

    private Task task(ApplicationRecord a) {
        return tasks.createTaskQuery().processInstanceId(a.processInstanceId()).singleResult();
    }

    private List<String> candidateGroups(Task t) {
        return tasks.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).toList();
    }

    private void approve(ApplicationRecord a, String group) {
        decide(a, group, "APPROVE", "同意上报", true);
    }

    private void decide(ApplicationRecord a, String group, String decision, String comment, boolean attested) {
        Task t = task(a);
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.DECISION, decision);
        vars.put(Vars.COMMENT, comment);
        vars.put(Vars.ATTESTED, attested);
        users.as(users.reviewer(group), () -> tasks.complete(t.getId(), vars));
        notices.passIfWaiting(a.processInstanceId());
    }

    private void evaluate(ApplicationRecord a, String committee, String result) {
        cn.chifeng.title.support.EvaluationDecision.decide(engine, a.processInstanceId(), result);
    }
}
