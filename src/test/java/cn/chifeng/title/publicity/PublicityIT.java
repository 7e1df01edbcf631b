package cn.chifeng.title.publicity;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;

/** Result publicity (PUB-1, PUB-2): a batch for 5 working days, objections routed and resolved, then the result stands. */
@Tag("postgres")
class PublicityIT extends IntegrationTestBase {
    private static final String COMMITTEE = "cmte-construction-city";

    @Autowired
    ApplicationService applications;
    @Autowired
    ApplicationRepository register;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate http;
    @Autowired
    cn.chifeng.title.notification.NotificationOutbox outbox;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** A city construction assistant, passed by the committee on 2025-09-26, waiting for the result notice. */
    private ApplicationRecord passedByTheCommittee() {
        String applicant = users.applicant("publicity-" + System.nanoTime());
        ApplicationRecord a = users.api(applicant, () -> applications.submit(dossier()
                .employer(Dossiers.CITY_DESIGN, "赤峰市建筑勘察设计院", "PUBLIC_INSTITUTION", "CITY", "songshan",
                        "city-industry").series("CONSTRUCTION_ENGINEERING").targetLevel("ASSISTANT").build()));
        for (int i = 0; i < 3; i++) {
            Task t = tasks.createTaskQuery().processInstanceId(a.processInstanceId()).singleResult();
            String group = tasks.getIdentityLinksForTask(t.getId()).stream().filter(l -> l.getGroupId() != null)
                    .findFirst().orElseThrow().getGroupId();
            Map<String, Object> vars = Map.of(Vars.DECISION, "APPROVE", Vars.ATTESTED, true);
            users.as(users.reviewer(group), () -> tasks.complete(t.getId(), vars));
            notices.passIfWaiting(a.processInstanceId());
        }
        cn.chifeng.title.support.EvaluationDecision.decide(engine, a.processInstanceId(), "PASSED");
        assertThat(register.find(a.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.IN_PUBLICITY);
        return a;
    }

    private Map<String, Object> publish(List<String> ids) {
        ResponseEntity<Map<String, Object>> r = new Api(http, users.reviewer(COMMITTEE)).post("/api/publications",
                Map.of("applicationIds", ids));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return r.getBody();
    }

    private Job periodEnd(Map<String, Object> publication) {
        String pid = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey((String) publication.get("publicationId")).singleResult().getId();
        return engine.getManagementService().createJobQuery().processInstanceId(pid).timers().singleResult();
    }

    @Test
    void aFiveWorkingDayNoticeOverTheNationalDayEndsOnTheNinthAndThenTheResultStands() {
        ApplicationRecord a = passedByTheCommittee();
        clock.set(LocalDateTime.of(2025, 9, 26, 9, 0));

        Map<String, Object> p = publish(List.of(a.id()));

        assertThat(p).containsEntry("start", "2025-09-26").containsEntry("end", "2025-10-09")
                .containsEntry("officialCalendar", true);
        Job end = periodEnd(p);
        assertThat(end.getDuedate().toInstant()).isEqualTo(Instant.parse("2025-10-09T16:00:00Z"));
        engine.getManagementService().executeJob(end.getId());
        assertThat(register.find(a.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.PASSED);
    }

    @Test
    void anObjectionDuringTheNoticeHoldsOnlyTheApplicationItConcernsUntilInvestigated() {
        ApplicationRecord objected = passedByTheCommittee();
        ApplicationRecord other = passedByTheCommittee();
        clock.set(LocalDateTime.of(2025, 9, 26, 9, 0));
        Map<String, Object> p = publish(List.of(objected.id(), other.id()));
        String publicationId = (String) p.get("publicationId");

        clock.set(LocalDateTime.of(2025, 9, 29, 10, 0));
        ResponseEntity<Map<String, Object>> filed = new Api(http, users.applicant("complainant-" + System.nanoTime()))
                .post("/api/publications/" + publicationId + "/objections", Map.of("applicationId", objected.id(),
                        "about", "EVALUATION", "text", "评审时未回避利害关系人"));
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Task investigation = tasks.createTaskQuery().processInstanceBusinessKey(publicationId).singleResult();
        assertThat(tasks.getIdentityLinksForTask(investigation.getId())).anyMatch(l -> COMMITTEE.equals(l.getGroupId()));

        engine.getManagementService().executeJob(periodEnd(p).getId());
        assertThat(register.find(other.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.PASSED);
        assertThat(register.find(objected.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.IN_PUBLICITY);

        users.as(users.reviewer(COMMITTEE), () -> tasks.complete(investigation.getId(), Map.of(
                "objectionOutcome", "DISMISSED", "objectionNote", "经核查，评审专家与申报人无利害关系")));
        assertThat(register.find(objected.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.PASSED);
        Map<String, Object> after = new Api(http, users.reviewer(COMMITTEE)).get("/api/publications/" + publicationId)
                .getBody();
        assertThat((List<Map<String, Object>>) after.get("objections")).singleElement()
                .satisfies(o -> assertThat(o).containsEntry("outcome", "DISMISSED").containsEntry("about", "EVALUATION"));
    }

    @Test
    void anObjectionAboutMaterialsGoesToTheUnitAndOneAfterThePeriodIsRefused() {
        ApplicationRecord a = passedByTheCommittee();
        clock.set(LocalDateTime.of(2025, 9, 26, 9, 0));
        String publicationId = (String) publish(List.of(a.id())).get("publicationId");
        Api complainant = new Api(http, users.applicant("complainant-" + System.nanoTime()));

        complainant.post("/api/publications/" + publicationId + "/objections", Map.of("applicationId", a.id(),
                "about", "MATERIALS", "text", "论文系代写"));
        Task investigation = tasks.createTaskQuery().processInstanceBusinessKey(publicationId).singleResult();
        assertThat(tasks.getIdentityLinksForTask(investigation.getId()))
                .anyMatch(l -> "unit-city-design".equals(l.getGroupId()));

        clock.set(LocalDateTime.of(2025, 10, 10, 9, 0));
        ResponseEntity<Map<String, Object>> late = complainant.post("/api/publications/" + publicationId
                + "/objections", Map.of("applicationId", a.id(), "about", "EVALUATION", "text", "迟到的异议"));
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void theUnitPublishesItsNomineeBeforeTheDepartmentReviews() {
        String applicant = users.applicant("nominee-" + System.nanoTime());
        ApplicationRecord a = users.api(applicant, () -> applications.submit(dossier().build()));
        Task unitTask = tasks.createTaskQuery().processInstanceId(a.processInstanceId()).singleResult();
        users.as(users.reviewer("unit-nc-hospital"), () -> tasks.complete(unitTask.getId(),
                Map.of(Vars.DECISION, "APPROVE", Vars.ATTESTED, true)));

        assertThat(register.find(a.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.IN_PUBLICITY);
        assertThat(tasks.createTaskQuery().processInstanceId(a.processInstanceId()).count()).isZero();
        assertThat(new Api(http, users.reviewer("ningcheng-health")).post("/api/publications", Map.of(
                "kind", "UNIT_NOMINEES", "applicationIds", List.of(a.id()))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> r = new Api(http, users.reviewer("unit-nc-hospital")).post(
                "/api/publications", Map.of("kind", "UNIT_NOMINEES", "applicationIds", List.of(a.id())));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // published Tue 2025-06-10: five working days end on Mon 2025-06-16
        assertThat(r.getBody()).containsEntry("end", "2025-06-16").containsEntry("title", "职称申报推荐人选公示");

        assertThat(outbox.ofApplication(a.id())).extracting(cn.chifeng.title.notification.Notification::event)
                .contains("PUBLICITY_STARTED");

        engine.getManagementService().executeJob(periodEnd(r.getBody()).getId());

        assertThat(register.find(a.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(tasks.createTaskQuery().processInstanceId(a.processInstanceId()).singleResult()
                .getTaskDefinitionKey()).isEqualTo("Task_CompetentDeptReview");
    }

    @Test
    void aRosterNoticeThatCannotEndBeforeTheReviewCloseWarnsItsBodyWhenItStarts() {
        String warned = users.user("roster-warned-" + System.nanoTime(), "ningcheng-hr");
        String applicant = users.applicant("roster-" + System.nanoTime());
        ApplicationRecord a = users.api(applicant, () -> applications.submit(dossier().build()));
        for (String group : List.of("unit-nc-hospital", "ningcheng-health", "ningcheng-hr")) {
            Task t = tasks.createTaskQuery().processInstanceId(a.processInstanceId()).singleResult();
            users.as(users.reviewer(group), () -> tasks.complete(t.getId(), Map.of(Vars.DECISION, "APPROVE",
                    Vars.ATTESTED, true)));
            if (!"ningcheng-hr".equals(group)) {
                notices.passIfWaiting(a.processInstanceId());
            }
        }
        // Fri 2025-06-27: five working days end on Thu 07-03, after the 07-02 review close
        clock.set(LocalDateTime.of(2025, 6, 27, 9, 0));
        Map<String, Object> p = new Api(http, users.reviewer("ningcheng-hr")).post("/api/publications",
                Map.of("kind", "ROSTER", "applicationIds", List.of(a.id()))).getBody();

        assertThat(p).containsEntry("end", "2025-07-03").containsEntry("title", "职称申报人员花名册公示");
        assertThat(jdbc.queryForList("select subject from notification where event = 'NOTICE_ENDS_AFTER_REVIEW_CLOSE' "
                + "and recipient_user = ?", String.class, warned)).singleElement()
                .satisfies(subject -> assertThat(subject).contains("晚于材料审核截止日"));
    }

    @Test
    void onlyTheCommitteePublishesItsResultsForAtLeastFiveWorkingDays() {
        ApplicationRecord a = passedByTheCommittee();
        assertThat(new Api(http, users.reviewer("cmte-health-city")).post("/api/publications",
                Map.of("applicationIds", List.of(a.id()))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new Api(http, users.reviewer(COMMITTEE)).post("/api/publications",
                Map.of("applicationIds", List.of(a.id()), "workingDays", 3)).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
