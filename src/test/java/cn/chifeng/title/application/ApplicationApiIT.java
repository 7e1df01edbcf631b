package cn.chifeng.title.application;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;
import cn.chifeng.title.support.WebappLogin;

/** The applicant API over HTTP: every endpoint and error code (APP-2, APP-3, APP-8, SEA-1, SEA-2). */
@Tag("postgres")
class ApplicationApiIT extends IntegrationTestBase {
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService tasks;
    @Autowired
    ApplicationService service;

    private Api as(String user) {
        return new Api(http, user);
    }

    private Api newApplicant() {
        return as(users.applicant("api-applicant-" + System.nanoTime()));
    }

    private Map<String, Object> body(Dossiers d) {
        return json.convertValue(d.build(), Map.class);
    }

    @Test
    void submittingAValidDossierStartsTheReviewAndAnswersTheRoute() {
        ResponseEntity<Map<String, Object>> r = newApplicant().post("/api/applications", body(dossier()));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(r.getBody()).containsEntry("status", "IN_REVIEW").containsEntry("statusLabel", "审核中");
        assertThat((List<String>) r.getBody().get("route"))
                .containsExactly("UNIT", "COMPETENT_DEPT", "COUNTY_HR", "CITY_HR", "COMMITTEE_OFFICE");
        assertThat((String) r.getBody().get("applicationId")).startsWith("CF2025-");
    }

    @Test
    void aBadIdNumberChecksumIsA400NamingTheFieldAndStartsNothing() {
        long before = engine.getRuntimeService().createProcessInstanceQuery().count();
        String id = Dossiers.randomIdNumber();
        String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');

        ResponseEntity<Map<String, Object>> r = newApplicant().post("/api/applications",
                body(dossier().idNumber(wrong)));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(r)).containsEntry("idNumber", "身份证号码校验位不正确");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void everyBadFieldIsReportedAtOnceInChinese() {
        Map<String, Object> b = body(dossier());
        b.put("series", "ASTROLOGY");
        b.put("phone", "12345");
        b.put("name", " ");
        b.put("county", "beijing");
        b.put("graduationDate", LocalDate.of(2030, 1, 1).toString());

        ResponseEntity<Map<String, Object>> r = newApplicant().post("/api/applications", b);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(r)).containsKeys("series", "phone", "name", "county", "graduationDate");
        assertThat(errors(r).get("series")).contains("职称系列代码无效");
    }

    @Test
    void anImpossibleDateIsA400OnThatField() {
        Map<String, Object> b = body(dossier());
        b.put("workStartDate", "2019-02-30");

        ResponseEntity<Map<String, Object>> r = newApplicant().post("/api/applications", b);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(r)).containsKey("workStartDate");
    }

    @Test
    void anIneligibleApplicantIsToldWhyAtOnce() {
        ResponseEntity<Map<String, Object>> r = newApplicant().post("/api/applications",
                body(dossier().currentTitleDate(LocalDate.of(2022, 1, 1))));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(r.getBody()).containsEntry("status", "INELIGIBLE").containsEntry("statusLabel", "不符合申报条件");
        assertThat((String) r.getBody().get("statusReason")).contains("ELI-1").contains("须满 4 年");
        assertThat((List<?>) r.getBody().get("route")).isEmpty();
    }

    @Test
    void anUnconfiguredSeasonIsA400OnSeason() {
        ResponseEntity<Map<String, Object>> r = newApplicant().post("/api/applications",
                body(dossier().season(2019)));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(r).get("season")).contains("未配置");
    }

    @Test
    void anUnregisteredEmployerIsA400() {
        ResponseEntity<Map<String, Object>> r = newApplicant().post("/api/applications",
                body(dossier().employer("91350100M000100Y43", "某公司", "PRIVATE_ENTERPRISE", "COUNTY", "ningcheng",
                        "ningcheng-industry")));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(r).get("employerCode")).contains("尚未在系统中登记");
    }

    @Test
    void afterTheApplicationCloseSubmissionIsA422() {
        clock.set(LocalDateTime.of(2025, 6, 26, 0, 0, 1));

        ResponseEntity<Map<String, Object>> r = newApplicant().post("/api/applications", body(dossier()));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(r.getBody()).containsEntry("error", "APPLICATION_WINDOW_CLOSED");
        assertThat((String) r.getBody().get("message")).contains("2025-06-25");
    }

    @Test
    void theLastSecondOfTheCloseDayInChinaIsStillOpen() {
        clock.set(LocalDateTime.of(2025, 6, 25, 23, 59, 59));

        assertThat(newApplicant().post("/api/applications", body(dossier())).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void badInputComesBeforeAClosedWindow() {
        clock.set(LocalDateTime.of(2025, 7, 1, 9, 0));

        ResponseEntity<Map<String, Object>> r = newApplicant().post("/api/applications",
                body(dossier().idNumber("123")));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aSecondApplicationOfThePersonAtTheSameLevelIsA409UntilTheFirstIsWithdrawn() {
        Api applicant = newApplicant();
        String person = Dossiers.randomIdNumber();
        String first = (String) applicant.post("/api/applications", body(dossier().idNumber(person))).getBody()
                .get("applicationId");

        ResponseEntity<Map<String, Object>> second = applicant.post("/api/applications",
                body(dossier().idNumber(person).series("ECONOMICS")));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody()).containsEntry("error", "DUPLICATE_APPLICATION");
        assertThat((String) second.getBody().get("message")).contains(first);

        assertThat(applicant.post("/api/applications/" + first + "/withdraw", null).getBody())
                .containsEntry("status", "WITHDRAWN");
        assertThat(applicant.post("/api/applications", body(dossier().idNumber(person).series("ECONOMICS")))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aClosedWindowComesBeforeADuplicate() {
        Api applicant = newApplicant();
        String person = Dossiers.randomIdNumber();
        applicant.post("/api/applications", body(dossier().idNumber(person)));
        clock.set(LocalDateTime.of(2025, 6, 30, 9, 0));

        assertThat(applicant.post("/api/applications", body(dossier().idNumber(person))).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void anEmployerThatAppliesThroughASecondChannelIsA409() {
        int year = openOwnSeason(2041);
        Api applicant = newApplicant();
        assertThat(applicant.post("/api/applications", body(dossier().season(year))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map<String, Object>> r = newApplicant().post("/api/applications",
                body(dossier().season(year).competentDepartment("ningcheng-industry")));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(r.getBody()).containsEntry("error", "SECOND_CHANNEL");
        assertThat((String) r.getBody().get("message")).contains("宁城县卫生健康委员会");
    }

    @Test
    void anAdministratorSubmitsOnBehalfOfAnApplicant() {
        String applicant = users.applicant("on-behalf-" + System.nanoTime());
        ResponseEntity<Map<String, Object>> r = as(TestUsers.ADMIN).post("/api/applications",
                body(dossier().applicantUserId(applicant)));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) r.getBody().get("applicationId");
        assertThat(as(applicant).get("/api/applications/" + id).getBody()).containsEntry("applicantUserId", applicant);
    }

    @Test
    void onlyAnAdministratorMayNameAnotherApplicant() {
        ResponseEntity<Map<String, Object>> r = newApplicant().post("/api/applications",
                body(dossier().applicantUserId("somebody")));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(r)).containsKey("applicantUserId");
    }

    @Test
    void theApplicantAndTheReviewersOfTheRouteSeeTheApplicationOthersDoNot() {
        Api applicant = newApplicant();
        String id = (String) applicant.post("/api/applications", body(dossier())).getBody().get("applicationId");

        ResponseEntity<Map<String, Object>> own = applicant.get("/api/applications/" + id);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) own.getBody().get("eligibility")).containsEntry("verdict", "ELIGIBLE")
                .containsEntry("channel", "REGULAR").containsEntry("channelLabel", "常规申报");
        assertThat((Map<String, Object>) own.getBody().get("currentStage"))
                .containsEntry("code", "UNIT").containsEntry("name", "单位审核");
        assertThat(as(users.reviewer("ningcheng-hr")).get("/api/applications/" + id).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as(users.reviewer("city-hr")).get("/api/applications/" + id).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as(users.reviewer("hongshan-hr")).get("/api/applications/" + id).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(newApplicant().get("/api/applications/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theTrailShowsEveryDecisionWithReviewerTimeAndComment() {
        Api applicant = newApplicant();
        String id = (String) applicant.post("/api/applications", body(dossier())).getBody().get("applicationId");
        returnedByTheUnit(id, "请补充继续教育证明");

        Map<String, Object> a = applicant.get("/api/applications/" + id).getBody();
        assertThat(a).containsEntry("status", "RETURNED").containsEntry("statusLabel", "已退回修改")
                .containsEntry("statusReason", "请补充继续教育证明");
        List<Map<String, Object>> trail = (List<Map<String, Object>>) a.get("trail");
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0)).containsEntry("reviewer", "unit-nc-hospital").containsEntry("decision", "RETURN")
                .containsEntry("decisionLabel", "退回修改").containsEntry("comment", "请补充继续教育证明")
                .containsEntry("stageName", "单位审核").containsKey("decidedAt");
        assertThat((String) trail.get(0).get("decidedAt")).endsWith("+08:00");

        assertThat(applicant.post("/api/applications/" + id + "/resubmit", null).getBody())
                .containsEntry("status", "IN_REVIEW");
        assertThat(applicant.post("/api/applications/" + id + "/resubmit", null).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void resubmissionAfterTheReviewCloseIsA422() {
        Api applicant = newApplicant();
        String id = (String) applicant.post("/api/applications", body(dossier())).getBody().get("applicationId");
        returnedByTheUnit(id, "线上线下材料不一致");
        clock.set(LocalDateTime.of(2025, 7, 3, 8, 0));

        ResponseEntity<Map<String, Object>> r = applicant.post("/api/applications/" + id + "/resubmit", null);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) r.getBody().get("message")).contains("不能补报");
    }

    @Test
    void onlyTheApplicantWithdrawsAndAnEndedApplicationCannotBeWithdrawnAgain() {
        Api applicant = newApplicant();
        String id = (String) applicant.post("/api/applications", body(dossier())).getBody().get("applicationId");

        assertThat(as(users.reviewer("unit-nc-hospital")).post("/api/applications/" + id + "/withdraw", null)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(applicant.post("/api/applications/" + id + "/withdraw", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(applicant.post("/api/applications/" + id + "/withdraw", null).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void onlyTheCityBureauSpotCheckReturns() {
        String id = (String) newApplicant().post("/api/applications", body(dossier())).getBody()
                .get("applicationId");

        assertThat(as(users.reviewer("ningcheng-hr")).post("/api/applications/" + id + "/spot-check-return",
                Map.of("comment", "抽查")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(users.reviewer("city-hr")).post("/api/applications/" + id + "/spot-check-return",
                Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as(users.reviewer("city-hr")).post("/api/applications/" + id + "/spot-check-return",
                Map.of("comment", "抽查发现材料不一致")).getBody()).containsEntry("status", "RETURNED");
    }

    @Test
    void theListShowsOnlyTheCallersApplicationsFilteredAndPaged() {
        Api applicant = newApplicant();
        applicant.post("/api/applications", body(dossier()));
        applicant.post("/api/applications", body(dossier().series("AGRICULTURE").targetLevel("ASSOCIATE_SENIOR")));

        Map<String, Object> page = applicant.get("/api/applications?season=2025&size=1").getBody();
        assertThat(page).containsEntry("total", 2);
        assertThat((List<?>) page.get("items")).hasSize(1);
        assertThat(applicant.get("/api/applications?status=IN_REVIEW&stage=UNIT").getBody())
                .containsEntry("total", 2);
        assertThat(applicant.get("/api/applications?status=PASSED").getBody()).containsEntry("total", 0);
        assertThat(applicant.get("/api/applications?status=NOPE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void referenceListsEveryCodeWithChineseLabels() {
        Map<String, Object> r = newApplicant().get("/api/reference").getBody();

        assertThat((List<Map<String, String>>) r.get("counties")).hasSize(12)
                .extracting(m -> m.get("label")).contains("红山区", "宁城县", "敖汉旗");
        assertThat((List<Map<String, String>>) r.get("series")).extracting(m -> m.get("code"))
                .contains("ENGINEERING", "PRIMARY_SECONDARY_TEACHER", "ARTS_AND_CRAFTS");
        assertThat((List<Map<String, String>>) r.get("stages")).hasSize(12);
        assertThat((List<Map<String, String>>) r.get("statuses")).extracting(m -> m.get("label"))
                .contains("逾期未报送", "视为放弃申报");
    }

    @Test
    void seasonsAreReadAndChangedByAdministratorsOnly() {
        Map<String, Object> s = as(TestUsers.ADMIN).get("/api/seasons/2025").getBody();
        assertThat(s).containsEntry("applicationClose", "2025-06-25").containsEntry("reviewClose", "2025-07-02")
                .containsEntry("qualificationCutoff", "2025-07-15").containsEntry("evaluationClose", "2025-09-30");
        assertThat(newApplicant().get("/api/seasons/2025").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(TestUsers.ADMIN).get("/api/seasons/1999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        Map<String, Object> bad = new HashMap<>(s);
        bad.put("reviewClose", "2025-06-01");
        ResponseEntity<Map<String, Object>> r = as(TestUsers.ADMIN).put("/api/seasons/2025", bad);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(r)).containsKey("reviewClose");
    }

    @Test
    void aPerSeriesOverrideMovesTheApplicationCloseForThatSeriesOnly() {
        int year = openOwnSeason(2042);
        Map<String, Object> s = new HashMap<>(as(TestUsers.ADMIN).get("/api/seasons/" + year).getBody());
        s.put("seriesOverrides", Map.of("ACCOUNTING", Map.of("applicationClose", "2025-06-09")));
        assertThat(as(TestUsers.ADMIN).put("/api/seasons/" + year, s).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(newApplicant().post("/api/applications", body(dossier().season(year).series("ACCOUNTING")))
                .getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(newApplicant().post("/api/applications", body(dossier().season(year).series("AGRICULTURE")))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void withoutCredentialsTheApiAnswers401() {
        ResponseEntity<String> r = new Api(http, null).raw(HttpMethod.GET, "/api/applications", null);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(r.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        // a throwaway user: failed logins make the engine delay that user's next attempts
        String user = users.applicant("wrong-password-" + System.nanoTime());
        ResponseEntity<String> wrong = http.exchange("/api/applications", HttpMethod.GET,
                new HttpEntity<>(basic(user, "wrong")), String.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theWebappSessionOpensLinksButCannotChangeAnything() {
        String reviewer = users.reviewer("ningcheng-hr");
        String id = (String) newApplicant().post("/api/applications", body(dossier())).getBody()
                .get("applicationId");
        WebappLogin.Result login = WebappLogin.login(http, reviewer, TestUsers.PASSWORD, "tasklist");
        assertThat(login.response().getStatusCode()).isEqualTo(HttpStatus.OK);

        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, login.cookieHeader());
        session.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/api/applications/" + id, HttpMethod.GET, new HttpEntity<>(session), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.exchange("/api/applications/" + id + "/withdraw", HttpMethod.POST,
                new HttpEntity<>(session), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anIdAlreadyTakenIsDrawnAgainNeverReportedAsADuplicate() {
        String taken = (String) newApplicant().post("/api/applications", body(dossier())).getBody()
                .get("applicationId");
        var draws = new java.util.ArrayDeque<>(List.of(taken, taken));
        ApplicationService target = org.springframework.test.util.AopTestUtils.getTargetObject(service);
        var before = target.idSource;
        target.idSource = prefix -> draws.isEmpty() ? before.apply(prefix) : draws.poll();
        try {
            ResponseEntity<Map<String, Object>> second = newApplicant().post("/api/applications", body(dossier()));

            assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(second.getBody().get("applicationId")).isNotEqualTo(taken);
            assertThat(draws).as("both taken draws were used up").isEmpty();
        } finally {
            target.idSource = before;
        }
    }

    /** The unit reviewer returns the application to the applicant with the comment. */
    private void returnedByTheUnit(String applicationId, String comment) {
        String pid = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(applicationId).singleResult().getId();
        String task = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
        users.as(users.reviewer("unit-nc-hospital"), () -> tasks.complete(task,
                Map.of(Vars.DECISION, "RETURN", Vars.COMMENT, comment, Vars.ATTESTED, false)));
    }

    private static HttpHeaders basic(String user, String password) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, password);
        return h;
    }

    /** Opens a season of its own (isolated from other tests' applications) whose window contains the test clock. */
    private int openOwnSeason(int year) {
        Map<String, Object> season = Map.of("applicationOpen", "2025-06-01", "applicationClose", "2025-06-25",
                "reviewClose", "2025-07-02", "qualificationCutoff", "2025-07-15", "evaluationClose", "2025-09-30");
        ResponseEntity<Map<String, Object>> r = as(TestUsers.ADMIN).put("/api/seasons/" + year, season);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return year;
    }

    private static Map<String, String> errors(ResponseEntity<Map<String, Object>> r) {
        Map<String, String> m = new HashMap<>();
        ((List<Map<String, String>>) r.getBody().get("errors")).forEach(e -> m.put(e.get("field"), e.get("message")));
        return m;
    }
}
