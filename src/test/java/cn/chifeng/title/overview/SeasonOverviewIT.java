package cn.chifeng.title.overview;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.BrowserScript;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.StaffClient;
import cn.chifeng.title.support.TestUsers;

/**
 * ROS-4 through its doors: the season at a glance counts the register per stage, county and status in each
 * reporting body's scope, shows the timetable with the internal dates of counties and departments, and the
 * workbench page shows the API's numbers. Seasons 2016 and 2017 are this test's alone (dates of 2025, so the
 * test clock is inside their window).
 */
class SeasonOverviewIT extends IntegrationTestBase {
    private static final String NC_HR = "ningcheng-hr";
    private static final String HS_HR = "hongshan-hr";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ApplicationService applications;
    @Autowired
    TaskService tasks;
    @Autowired
    ApplicationRepository register;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private Api as(String user) {
        return new Api(http, user);
    }

    /** A season with the notice's dates of 2025, except that the ENGINEERING series reviews until 07-10. */
    private void season(int year) {
        Map<String, Object> season = new LinkedHashMap<>(Map.of("applicationOpen", "2025-06-01",
                "applicationClose", "2025-06-25", "reviewClose", "2025-07-02", "qualificationCutoff", "2025-07-15",
                "evaluationClose", "2025-09-30"));
        season.put("seriesOverrides", Map.of("ENGINEERING", Map.of("reviewClose", "2025-07-10")));
        assertThat(as(TestUsers.ADMIN).put("/api/seasons/" + year, season).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ApplicationRecord submitted(Dossiers d) {
        String applicant = users.applicant("glance-" + System.nanoTime());
        return users.api(applicant, () -> applications.submit(d.applicantUserId(applicant).build()));
    }

    private static Dossiers hongshan(int year) {
        return dossier().season(year).employer(Dossiers.HS_HOSPITAL, "红山区医院", "PUBLIC_INSTITUTION", "COUNTY",
                "hongshan", "hongshan-health");
    }

    private String stageTask(String applicationId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(applicationId).singleResult().getTaskDefinitionKey();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> overview(String user, String path) {
        ResponseEntity<Map<String, Object>> r = as(user).get(path);
        assertThat(r.getStatusCode()).as("%s %s: %s", user, path, r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> totals(Map<String, Object> o) {
        return (Map<String, Object>) o.get("totals");
    }

    /** A chart of the API as code → count. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> chart(Map<String, Object> o, String name) {
        Map<String, Long> m = new LinkedHashMap<>();
        ((List<Map<String, Object>>) o.get(name)).forEach(c -> m.put((String) c.get("code"),
                ((Number) c.get("count")).longValue()));
        return m;
    }

    private static final Pattern TOTAL = Pattern.compile("data-total=\"(\\w+)\"[^>]*>(\\d+)<");
    private static final Pattern BAR = Pattern.compile("<div([^>]*data-chart=\"(stage|county)\"[^>]*)>(.*?)</div>",
            Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("data-code=\"([^\"]+)\"");
    private static final Pattern COUNT = Pattern.compile("data-count[^>]*>(\\d+)<");

    /** The page's numbers: its totals, and each chart's bars as code → number. */
    private static Map<String, Map<String, Long>> numbers(String html) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        out.put("totals", new LinkedHashMap<>());
        out.put("stage", new LinkedHashMap<>());
        out.put("county", new LinkedHashMap<>());
        Matcher t = TOTAL.matcher(html);
        while (t.find()) {
            out.get("totals").put(t.group(1), Long.parseLong(t.group(2)));
        }
        Matcher b = BAR.matcher(html);
        while (b.find()) {
            Matcher code = CODE.matcher(b.group(1));
            Matcher count = COUNT.matcher(b.group(3));
            assertThat(code.find() && count.find()).as("bar %s", b.group()).isTrue();
            out.get(b.group(2)).put(code.group(1), Long.parseLong(count.group(1)));
        }
        return out;
    }

    private static Map<String, Long> longs(Map<String, ?> m) {
        Map<String, Long> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, ((Number) v).longValue()));
        return out;
    }

    private void pageShowsTheApisNumbers(String user, int year) {
        Map<String, Object> api = overview(user, "/api/reports/season/" + year);
        ResponseEntity<String> page = StaffClient.login(http, user).get("/staff/season/" + year);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains(year + "年度职称评审进度一览", "时间安排（附件4 报送材料时间安排表）")
                .doesNotContain("<script");
        Map<String, Map<String, Long>> shown = numbers(page.getBody());
        assertThat(shown.get("totals")).as("%s: totals", user).isEqualTo(longs(totals(api)));
        assertThat(shown.get("stage")).as("%s: per stage", user).isEqualTo(chart(api, "byStage"));
        assertThat(shown.get("county")).as("%s: per county", user).isEqualTo(chart(api, "byCounty"));
        assertThat(page.getBody()).as("the longest bar is full width").contains("width: 100%;");
    }

    /** The same in a real browser: the bars as drawn, their numbers equal to the API's JSON. */
    private void browserShowsTheApisNumbers(String user, int year) throws Exception {
        if (!BrowserScript.missing().isEmpty() && !BrowserScript.required()) {
            return;
        }
        assertThat(BrowserScript.missing()).as("the browser of the season page test").isEmpty();
        BrowserScript.Result ui = BrowserScript.run("season-page.mjs", "season-page.log", "--base",
                "http://localhost:" + port, "--user", user, "--password", TestUsers.PASSWORD, "--year",
                String.valueOf(year), "--out", BrowserScript.SCREENSHOTS.toString());
        assertThat(ui.ok()).as("season-page.mjs:%n%s", ui.output()).isTrue();
        Matcher printed = Pattern.compile("numbers: (\\{.*})").matcher(ui.output());
        assertThat(printed.find()).as(ui.output()).isTrue();
        Map<String, Map<String, Number>> shown = json.readValue(printed.group(1), Map.class);
        Map<String, Object> api = overview(user, "/api/reports/season/" + year);
        assertThat(longs(shown.get("totals"))).isEqualTo(longs(totals(api)));
        assertThat(longs(shown.get("stage"))).isEqualTo(chart(api, "byStage"));
        assertThat(longs(shown.get("county"))).isEqualTo(chart(api, "byCounty"));
    }

    @Test
    void theSeasonIsCountedPerStageCountyAndStatusInEachReportingBodysScope() throws Exception {
        int year = 2016;
        season(year);
        ApplicationRecord inReview = submitted(dossier().season(year));
        ApplicationRecord returned = submitted(dossier().season(year));
        ApplicationRecord withdrawn = submitted(dossier().season(year));
        ApplicationRecord approved = submitted(hongshan(year));
        ApplicationRecord corrected = submitted(hongshan(year));
        decide(returned.id(), "RETURN", "请补充继续教育证明");
        users.api(withdrawn.applicantUserId(), () -> applications.withdraw(withdrawn.id()));
        decide(approved.id(), "APPROVE", null);
        for (int i = 0; i < 6 && !"Task_CommitteeOfficeReview".equals(stageTask(corrected.id())); i++) {
            decide(corrected.id(), "APPROVE", null);
        }
        decide(corrected.id(), "CORRECTION", "1. 学历证书复印件缺页");
        String approvedStage = register.find(approved.id()).orElseThrow().currentStage();
        // a draft withdrawn before it was ever submitted is no submission
        String drafter = users.applicant("glance-draft-" + System.nanoTime());
        users.api(drafter, () -> applications.withdraw(applications.saveDraft(null,
                dossier().season(year).applicantUserId(drafter).build()).id()));

        Map<String, Object> city = overview(users.reviewer("city-hr"), "/api/reports/season/" + year);
        assertThat(totals(city)).containsEntry("submitted", 5).containsEntry("inReview", 2)
                .containsEntry("overdue", 0).containsEntry("returned", 1).containsEntry("corrected", 1)
                .containsEntry("withdrawn", 1).containsEntry("passed", 0).containsEntry("notPassed", 0)
                .containsEntry("rejected", 0);
        assertThat(chart(city, "byStage")).containsExactly(Map.entry("UNIT", 1L), Map.entry(approvedStage, 1L));
        assertThat(chart(city, "byCounty")).hasSize(12).containsEntry("ningcheng", 3L).containsEntry("hongshan", 2L)
                .containsEntry("songshan", 0L);
        assertThat(chart(city, "byStatus")).containsEntry("IN_REVIEW", 2L).containsEntry("RETURNED", 1L)
                .containsEntry("WITHDRAWN", 1L).containsEntry("CORRECTION_REQUESTED", 1L).hasSize(4);
        assertThat((List<Map<String, Object>>) city.get("byStage")).first().satisfies(s ->
                assertThat(s).containsEntry("label", "单位审核"));
        assertThat((List<Map<String, Object>>) city.get("byCounty")).filteredOn(c -> "ningcheng".equals(c.get("code")))
                .singleElement().satisfies(c -> assertThat(c).containsEntry("label", "宁城县"));
        assertThat(overview(TestUsers.ADMIN, "/api/reports/season/" + year).get("totals")).isEqualTo(totals(city));

        Map<String, Object> ningcheng = overview(users.reviewer(NC_HR), "/api/reports/season/" + year);
        assertThat(ningcheng.get("scope")).isEqualTo(Map.of("bodyId", NC_HR, "bodyName", "宁城县人力资源和社会保障局",
                "county", "ningcheng"));
        assertThat(totals(ningcheng)).containsEntry("submitted", 3).containsEntry("inReview", 1)
                .containsEntry("returned", 1).containsEntry("withdrawn", 1).containsEntry("corrected", 0);
        assertThat(chart(ningcheng, "byStage")).containsExactly(Map.entry("UNIT", 1L));
        assertThat(chart(ningcheng, "byCounty")).containsExactly(Map.entry("ningcheng", 3L));

        Map<String, Object> hongshanHr = overview(users.reviewer(HS_HR), "/api/reports/season/" + year);
        assertThat(totals(hongshanHr)).containsEntry("submitted", 2).containsEntry("inReview", 1)
                .containsEntry("returned", 0).containsEntry("withdrawn", 0).containsEntry("corrected", 1);
        assertThat(chart(hongshanHr, "byStage")).containsExactly(Map.entry(approvedStage, 1L));
        assertThat(chart(hongshanHr, "byCounty")).containsExactly(Map.entry("hongshan", 2L));

        Map<String, Object> department = overview(users.reviewer("ningcheng-health"), "/api/reports/season/" + year);
        assertThat(totals(department)).as("routed through the department").containsEntry("submitted", 3);
        assertThat(chart(department, "byCounty")).containsExactly(Map.entry("ningcheng", 3L));

        ResponseEntity<Map<String, Object>> applicant = as(inReview.applicantUserId())
                .get("/api/reports/season/" + year);
        assertThat(applicant.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(users.reviewer("unit-nc-hospital")).get("/api/reports/season/" + year).getStatusCode())
                .as("a unit").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(users.reviewer(NC_HR)).get("/api/reports/season/" + year + "?body=" + HS_HR).getStatusCode())
                .as("another county's").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> word = as(users.reviewer(NC_HR)).get("/api/reports/season/abc");
        assertThat(word.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(word.getBody().get("errors").toString()).contains("field=year", "abc");
        ResponseEntity<Map<String, Object>> unknown = as(users.reviewer(NC_HR)).get("/api/reports/season/2099");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) unknown.getBody().get("message")).contains("2099");

        pageShowsTheApisNumbers(users.reviewer("city-hr"), year);
        pageShowsTheApisNumbers(users.reviewer(NC_HR), year);
        browserShowsTheApisNumbers(users.reviewer("city-hr"), year);

        // the season's review close (07-02) is not the series': ENGINEERING reviews until 07-10
        clock.set(LocalDateTime.of(2025, 7, 3, 9, 0));
        assertThat(totals(overview(users.reviewer("city-hr"), "/api/reports/season/" + year)))
                .containsEntry("overdue", 0);
        clock.set(LocalDateTime.of(2025, 7, 11, 9, 0));
        assertThat(totals(overview(users.reviewer("city-hr"), "/api/reports/season/" + year)))
                .containsEntry("overdue", 2).containsEntry("inReview", 2);
        assertThat(totals(overview(users.reviewer(HS_HR), "/api/reports/season/" + year)))
                .containsEntry("overdue", 1);
        pageShowsTheApisNumbers(users.reviewer(NC_HR), year);
        assertThat(numbers(StaffClient.login(http, users.reviewer(NC_HR)).get("/staff/season/" + year).getBody())
                .get("totals")).containsEntry("overdue", 1L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCountyOrDepartmentSetsItsOwnEarlierDatesThatTheTimetableShows() {
        int year = 2017;
        season(year);
        String path = "/api/seasons/" + year + "/internal-deadlines/";
        Api ningcheng = as(users.reviewer(NC_HR));

        ResponseEntity<Map<String, Object>> late = ningcheng.put(path + "APPLICATION_CLOSE", Map.of("date", "2025-06-26"));
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(late.getBody().get("errors").toString()).contains("field=date", "2025-06-25");
        assertThat(ningcheng.put(path + "APPLICATION_CLOSE?body=" + HS_HR, Map.of("date", "2025-06-20"))
                .getStatusCode()).as("another county's").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ningcheng.put(path + "EVALUATION_CLOSE", Map.of("date", "2025-06-20")).getBody().get("errors")
                .toString()).contains("field=kind");
        assertThat(as(users.reviewer("city-hr")).put(path + "REVIEW_CLOSE", Map.of("date", "2025-06-30"))
                .getBody().get("errors").toString()).as("the city's dates are the season's").contains("field=body");
        String applicant = users.applicant("glance-deadline-" + System.nanoTime());
        assertThat(as(applicant).put(path + "REVIEW_CLOSE", Map.of("date", "2025-06-30")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ningcheng.put("/api/seasons/2099/internal-deadlines/REVIEW_CLOSE", Map.of("date", "2025-06-30"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<Map<String, Object>> set = ningcheng.put(path + "APPLICATION_CLOSE", Map.of("date", "2025-06-20"));
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(set.getBody()).containsEntry("bodyId", NC_HR).containsEntry("kind", "APPLICATION_CLOSE")
                .containsEntry("date", "2025-06-20").containsEntry("setBy", NC_HR);
        assertThat(ningcheng.put(path + "REVIEW_CLOSE", Map.of("date", "2025-07-02")).getStatusCode())
                .as("the season's own day").isEqualTo(HttpStatus.OK);
        assertThat(ningcheng.put(path + "REVIEW_CLOSE", Map.of("date", "2025-06-30")).getStatusCode())
                .as("set again").isEqualTo(HttpStatus.OK);
        Api department = as(users.reviewer("ningcheng-health"));
        assertThat(department.put(path + "REVIEW_CLOSE", Map.of("date", "2025-06-28")).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        Map<String, Object> seen = overview(users.reviewer(HS_HR), "/api/reports/season/" + year);
        Map<String, Object> timetable = (Map<String, Object>) seen.get("timetable");
        assertThat(timetable).containsEntry("applicationClose", "2025-06-25").containsEntry("reviewClose", "2025-07-02")
                .containsEntry("evaluationClose", "2025-09-30");
        assertThat((List<Map<String, Object>>) timetable.get("series")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("series", "ENGINEERING").containsEntry("seriesLabel", "工程")
                .containsEntry("reviewClose", "2025-07-10").containsEntry("applicationClose", "2025-06-25"));
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        ((List<Map<String, Object>>) timetable.get("bodies")).forEach(b -> rows.put((String) b.get("bodyId"), b));
        assertThat(rows).as("every region, then the department that set a date").hasSize(13)
                .containsKeys(NC_HR, HS_HR, "ningcheng-health");
        assertThat(rows.get(NC_HR)).containsEntry("countyName", "宁城县").containsEntry("applicationClose", "2025-06-20")
                .containsEntry("applicationCloseOwn", true).containsEntry("reviewClose", "2025-06-30")
                .containsEntry("reviewCloseOwn", true).containsEntry("setBy", NC_HR);
        assertThat(rows.get(HS_HR)).containsEntry("applicationClose", "2025-06-25")
                .containsEntry("applicationCloseOwn", false).containsEntry("reviewClose", "2025-07-02");
        assertThat(rows.get("ningcheng-health")).containsEntry("reviewClose", "2025-06-28")
                .containsEntry("reviewCloseOwn", true).containsEntry("applicationCloseOwn", false);

        String page = StaffClient.login(http, users.reviewer(NC_HR)).get("/staff/season/" + year).getBody();
        Matcher row = Pattern.compile("<tr[^>]*data-body=\"" + NC_HR + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(page);
        assertThat(row.find()).isTrue();
        assertThat(row.group(1)).contains("宁城县（宁城县人力资源和社会保障局）", "2025-06-20", "2025-06-30", "本地区内部时间");
        assertThat(page).contains("仅作提示");

        assertThat(department.raw(HttpMethod.DELETE, path + "REVIEW_CLOSE", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat((List<Map<String, Object>>) ((Map<String, Object>) overview(users.reviewer(NC_HR),
                "/api/reports/season/" + year).get("timetable")).get("bodies"))
                .extracting(b -> b.get("bodyId")).as("cleared").doesNotContain("ningcheng-health").hasSize(12);
    }

    @Test
    void theWorkbenchHomeLinksTheCurrentSeasonAndThePageRefusesWhatTheApiRefuses() {
        StaffClient county = StaffClient.login(http, users.reviewer(NC_HR));
        ResponseEntity<String> home = county.get("/staff/");
        assertThat(home.getBody()).contains("href=\"/staff/season/2025\"", "2025年度评审进度一览");
        ResponseEntity<String> current = county.get("/staff/season");
        assertThat(current.getStatusCode().is3xxRedirection() ? current.getHeaders().getLocation().getPath()
                : current.getBody()).contains(current.getStatusCode().is3xxRedirection() ? "/staff/season/2025"
                : "2025年度职称评审进度一览");

        ResponseEntity<String> word = county.get("/staff/season/abc");
        assertThat(word.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(word.getBody()).contains("“abc”不是年度");
        assertThat(county.get("/staff/season/2099").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(StaffClient.login(http, users.reviewer("unit-nc-hospital")).get("/staff/season/2025")
                .getStatusCode()).as("a unit").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(StaffClient.login(http, users.reviewer("unit-nc-hospital")).get("/staff/").getBody())
                .doesNotContain("/staff/season");
    }
}
