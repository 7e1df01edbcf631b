package cn.chifeng.title.eligibility;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/** {@code POST /api/eligibility/check} and the same decision at submission (ELI-*, SUP-1, ELI-12). */
@Tag("postgres")
class EligibilityApiIT extends IntegrationTestBase {
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    HistoryService history;
    @Autowired
    cn.chifeng.title.publicity.PublicityService publicity;

    private Api applicant() {
        return new Api(http, users.applicant("eligibility-" + System.nanoTime()));
    }

    private Map<String, Object> body(Dossiers d) {
        return json.convertValue(d.build(), Map.class);
    }

    @Test
    void aRegularDossierIsEligibleThroughTheRegularChannelAndTheWindowIsReported() {
        Map<String, Object> r = applicant().post("/api/eligibility/check", body(dossier())).getBody();

        assertThat(r).containsEntry("verdict", "ELIGIBLE").containsEntry("channel", "REGULAR")
                .containsEntry("windowOpen", true).containsEntry("asOf", "2025-07-15");
        assertThat((List<Map<String, String>>) r.get("reasons")).extracting(m -> m.get("rule")).containsExactly("ELI-1");
    }

    @Test
    void aClosedSeasonStillAnswersWithTheWindowClosed() {
        clock.set(LocalDateTime.of(2025, 11, 1, 9, 0));

        Map<String, Object> r = applicant().post("/api/eligibility/check", body(dossier())).getBody();

        assertThat(r).containsEntry("verdict", "ELIGIBLE").containsEntry("windowOpen", false);
    }

    @Test
    void badInputIsA400AsForASubmission() {
        ResponseEntity<Map<String, Object>> r = applicant().post("/api/eligibility/check",
                body(dossier().idNumber("150429198501011230")));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theWhatIfWritesNoDecisionHistoryButASubmissionDoes() {
        long before = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("eligibility").count();
        Api applicant = applicant();
        applicant.post("/api/eligibility/check", body(dossier()));
        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("eligibility").count())
                .isEqualTo(before);

        applicant.post("/api/applications", body(dossier()));
        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("eligibility").count())
                .isEqualTo(before + 1);
    }

    @Test
    void aViolationRecordedWithinThreeYearsBarsTheApplicantWithItsDate() {
        String person = Dossiers.randomIdNumber();
        ResponseEntity<Map<String, Object>> imported = new Api(http, TestUsers.ADMIN).post("/api/credit-violations",
                List.of(Map.of("idNumber", person, "kind", "FALSE_MATERIAL", "recordedOn", "2023-03-01",
                        "source", "2023年度职称评审", "name", "某某")));
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        Map<String, Object> r = applicant().post("/api/eligibility/check", body(dossier().idNumber(person))).getBody();
        assertThat(r).containsEntry("verdict", "INELIGIBLE");
        assertThat(r.get("channel")).isNull();
        assertThat(((List<Map<String, String>>) r.get("reasons")).get(0)).containsEntry("rule", "ELI-11");
        assertThat(((List<Map<String, String>>) r.get("reasons")).get(0).get("message")).contains("2023-03-01");

        Map<String, Object> submitted = applicant().post("/api/applications", body(dossier().idNumber(person)))
                .getBody();
        assertThat(submitted).containsEntry("status", "INELIGIBLE");
        assertThat((String) submitted.get("statusReason")).contains("ELI-11");
    }

    @Test
    void theBarLastsThreeYearsFromTheRecord() {
        String recordedExactlyThreeYearsAgo = Dossiers.randomIdNumber();
        String recordedADayLater = Dossiers.randomIdNumber();
        new Api(http, TestUsers.ADMIN).post("/api/credit-violations", List.of(
                Map.of("idNumber", recordedExactlyThreeYearsAgo, "kind", "FALSE_MATERIAL", "recordedOn", "2022-06-10",
                        "source", "2022年度职称评审"),
                Map.of("idNumber", recordedADayLater, "kind", "FALSE_MATERIAL", "recordedOn", "2022-06-11",
                        "source", "2022年度职称评审")));

        // the check day is 2025-06-10
        assertThat(applicant().post("/api/eligibility/check", body(dossier().idNumber(recordedExactlyThreeYearsAgo)))
                .getBody()).containsEntry("verdict", "ELIGIBLE");
        assertThat(applicant().post("/api/eligibility/check", body(dossier().idNumber(recordedADayLater)))
                .getBody()).containsEntry("verdict", "INELIGIBLE");
    }

    @Test
    void aGreenChannelUsedInOneSeasonIsNotAvailableInTheNext() {
        String person = Dossiers.randomIdNumber();
        Api applicant = applicant();
        // a city engineer, 中级 for less than a year, in the 新时代 project level 2: green channel to 副高级
        Map<String, Object> green = body(dossier().idNumber(person).employer(Dossiers.CITY_DESIGN, "赤峰市建筑勘察设计院",
                        "PUBLIC_INSTITUTION", "CITY", "songshan", "city-industry").targetLevel("ASSOCIATE_SENIOR")
                .currentTitleDate(LocalDate.of(2024, 9, 1)));
        green.put("talentProgram", "NEW_ERA_L2");
        assertThat(applicant.post("/api/eligibility/check", green).getBody()).containsEntry("channel", "GREEN_CHANNEL");
        String id = (String) applicant.post("/api/applications", green).getBody().get("applicationId");
        passEveryStageAndTheCommittee(id);
        assertThat(applicant.get("/api/applications/" + id).getBody()).containsEntry("status", "PASSED");

        new Api(http, TestUsers.ADMIN).put("/api/seasons/2026", Map.of("applicationOpen", "2025-06-01",
                "applicationClose", "2026-06-25", "reviewClose", "2026-07-02", "qualificationCutoff", "2026-07-15",
                "evaluationClose", "2026-09-30"));
        Map<String, Object> nextSeason = new java.util.HashMap<>(green);
        nextSeason.put("season", 2026);
        nextSeason.put("targetLevel", "SENIOR");
        nextSeason.put("currentLevel", "ASSOCIATE_SENIOR");
        Map<String, Object> r = applicant.post("/api/eligibility/check", nextSeason).getBody();
        assertThat(r).containsEntry("verdict", "INELIGIBLE");
        assertThat((List<Map<String, String>>) r.get("reasons")).anySatisfy(m -> assertThat(m)
                .containsEntry("rule", "ELI-4").containsEntry("message", "已享受过职称评审绿色通道政策，原则上只享受一次"));
    }

    private void passEveryStageAndTheCommittee(String applicationId) {
        var tasks = engine.getTaskService();
        String pid = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(applicationId)
                .singleResult().getId();
        for (int i = 0; i < 10; i++) {
            var task = tasks.createTaskQuery().processInstanceId(pid).singleResult();
            if (task == null) {
                break;
            }
            String group = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(l -> l.getGroupId() != null).findFirst().orElseThrow().getGroupId();
            Map<String, Object> vars = Map.of(Vars.DECISION, "APPROVE", Vars.ATTESTED, true);
            users.as(users.reviewer(group), () -> tasks.complete(task.getId(), vars));
            notices.passIfWaiting(pid);
        }
        cn.chifeng.title.support.EvaluationDecision.decide(engine, pid, "PASSED");
        String committee = (String) history.createHistoricVariableInstanceQuery().processInstanceId(pid)
                .variableName("committeeGroup").singleResult().getValue();
        var publication = users.api(users.reviewer(committee), () -> publicity.publishResults(List.of(applicationId), null, null, null));
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(publication.processInstanceId()).timers().singleResult().getId());
    }

    @Test
    void onlyAdministratorsImportViolationsAndBadRowsAreRefused() {
        assertThat(applicant().post("/api/credit-violations", List.of(Map.of("idNumber", "1"))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> r = new Api(http, TestUsers.ADMIN).post("/api/credit-violations",
                List.of(Map.of("idNumber", "123", "recordedOn", "2030-01-01")));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) r.getBody().get("errors")).extracting(m -> m.get("field"))
                .contains("[0].idNumber", "[0].kind", "[0].source", "[0].recordedOn");
    }

    @Test
    void aFullPostStructureNeedsReviewUnlessGreenChannel() {
        ResponseEntity<Map<String, Object>> put = new Api(http, TestUsers.ADMIN).put(
                "/api/post-quotas/" + Dossiers.NC_SCHOOL + "/ASSOCIATE_SENIOR", Map.of("posts", 10, "holders", 10));
        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.OK);
        Dossiers teacher = dossier().employer(Dossiers.NC_SCHOOL, "宁城县天义第一中学", "PUBLIC_INSTITUTION", "COUNTY",
                "ningcheng", "ningcheng-edu").series("PRIMARY_SECONDARY_TEACHER").targetLevel("ASSOCIATE_SENIOR");

        Map<String, Object> r = applicant().post("/api/eligibility/check", body(teacher)).getBody();
        assertThat(r).containsEntry("verdict", "NEEDS_REVIEW").containsEntry("channel", "REGULAR");
        assertThat((List<Map<String, String>>) r.get("reasons")).extracting(m -> m.get("rule"))
                .containsExactly("ELI-1", "ELI-12");

        Map<String, Object> green = body(teacher.currentTitleDate(LocalDate.of(2024, 9, 1)));
        green.put("talentProgram", "NEW_ERA_L2");
        Map<String, Object> g = applicant().post("/api/eligibility/check", green).getBody();
        assertThat(g).containsEntry("verdict", "NEEDS_REVIEW").containsEntry("channel", "GREEN_CHANNEL");
        assertThat((List<Map<String, String>>) g.get("reasons")).extracting(m -> m.get("rule"))
                .containsExactly("ELI-4");
    }

    @Test
    void everyCodeListValueGetsAnAnswerInChinese() {
        Api applicant = applicant();
        for (String series : List.of("ENGINEERING", "CONSTRUCTION_ENGINEERING", "PRIMARY_SECONDARY_TEACHER",
                "SECONDARY_VOCATIONAL_TEACHER", "TECHNICAL_SCHOOL_TEACHER", "HEALTH", "ACCOUNTING", "ECONOMICS",
                "AGRICULTURE", "ARTS_AND_CRAFTS")) {
            for (String level : List.of("ASSISTANT", "INTERMEDIATE", "ASSOCIATE_SENIOR", "SENIOR")) {
                for (String education : List.of("DOCTOR", "MASTER", "BACHELOR", "COLLEGE", "SECONDARY")) {
                    ResponseEntity<Map<String, Object>> r = applicant.post("/api/eligibility/check",
                            body(dossier().series(series).targetLevel(level).education(education)));
                    assertThat(r.getStatusCode()).as(series + " " + level + " " + education).isEqualTo(HttpStatus.OK);
                    assertThat((List<Map<String, String>>) r.getBody().get("reasons")).as(series + level)
                            .isNotEmpty().allSatisfy(m -> assertThat(m.get("message")).containsPattern("\\p{IsHan}"));
                }
            }
        }
        List<Dossiers> employers = List.of(
                dossier().freelancer("aohan", "aohan-agri"),
                dossier().employer(Dossiers.YB_POWER, "元宝山发电有限责任公司", "PRIVATE_ENTERPRISE", "COUNTY",
                        "yuanbaoshan", "yuanbaoshan-industry"),
                dossier().employer(Dossiers.AH_ASSOCIATION, "敖汉旗小米产业协会", "SOCIAL_ORGANIZATION", "COUNTY", "aohan",
                        "aohan-agri"),
                dossier().employer(Dossiers.WN_CONSTRUCTION, "翁牛特旗建筑工程公司", "STATE_ENTERPRISE", "COUNTY",
                        "wengniute", "wengniute-industry"),
                dossier().employer(Dossiers.CENTRAL_GRID, "国网赤峰供电公司", "CENTRAL_STATIONED", "CITY", "hongshan",
                        "city-industry"),
                dossier().employer(Dossiers.SD_TOWNSHIP, "松山区当铺地满族乡卫生院", "PUBLIC_INSTITUTION", "TOWNSHIP",
                        "songshan", "songshan-health"));
        for (Dossiers d : employers) {
            for (String evaluationType : List.of("REGULAR", "DIRECTIONAL", "FARMER_HERDER")) {
                Map<String, Object> b = body(d);
                b.put("evaluationType", evaluationType);
                ResponseEntity<Map<String, Object>> r = applicant.post("/api/eligibility/check", b);
                assertThat(r.getStatusCode()).as(b.get("employerType") + " " + evaluationType).isEqualTo(HttpStatus.OK);
            }
        }
        for (String program : List.of("NONE", "NEW_ERA_L1", "NEW_ERA_L2", "NEW_ERA_L3", "YINGCAI_YOUNG_TOP")) {
            Map<String, Object> b = body(dossier());
            b.put("talentProgram", program);
            b.put("frontlineMedical", true);
            b.put("currentTitleDate", LocalDate.of(2025, 1, 1).toString());
            assertThat(applicant.post("/api/eligibility/check", b).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }
}
