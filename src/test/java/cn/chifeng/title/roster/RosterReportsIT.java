package cn.chifeng.title.roster;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.application.ResidentIdNumber;
import cn.chifeng.title.eligibility.PostQuotas;
import cn.chifeng.title.season.Season;
import cn.chifeng.title.season.SeasonService;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/**
 * ROS-1…ROS-3 through their doors: a reporting body downloads its 花名册 per level band, the 卫生系统用表 and the
 * 附件3 统计表 as .xlsx and they read as the register says. Each scenario uses a season of its own (past years, so
 * the current season stays 2025; years no other test uses) so that other tests' applications do not show up in its files.
 */
class RosterReportsIT extends IntegrationTestBase {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final DataFormatter TEXT = new DataFormatter();
    static final String NC_HR = "ningcheng-hr";
    static final String HS_HR = "hongshan-hr";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationRepository register;
    @Autowired
    cn.chifeng.title.application.Dossiers dossiers;
    @Autowired
    SeasonService seasons;
    @Autowired
    PostQuotas posts;

    private void season(int year) {
        seasons.update(year, new Season(year, LocalDate.of(year, 6, 6), LocalDate.of(year, 6, 25),
                LocalDate.of(year, 7, 2), LocalDate.of(year, 7, 15), LocalDate.of(year, 9, 30), null));
    }

    /** An application of the register as the process leaves it: its status and the groups its route passes. */
    private String insert(Dossier d, ApplicationStatus status, String... visibleTo) {
        String id = "CF" + d.season() + "-ROS" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100000;
        OffsetDateTime at = OffsetDateTime.parse(d.season() + "-06-10T10:00:00+08:00");
        ApplicationRecord a = new ApplicationRecord(id, d.season(), "u-" + id, d.name(), d.idNumber(), d.series(),
                d.targetLevel(), d.employerCode(), d.employerName(), d.county(),
                d.county() + "/" + d.competentDepartment(), status, null, List.of(), List.of(visibleTo), null,
                dossiers.write(d), at, at, null);
        register.insert(a, status.counts()
                ? ApplicationRepository.personLevelKey(d.season(), d.idNumber(), d.targetLevel()) : null);
        return id;
    }

    private static String[] ningchengRoute() {
        return new String[] {"unit-nc-hospital", "ningcheng-health", NC_HR, "city-hr"};
    }

    private static String[] hongshanRoute() {
        return new String[] {"unit-hs-hospital", "hongshan-health", HS_HR, "city-hr"};
    }

    private Dossiers ningcheng(int year, String name) {
        return dossier().season(year).name(name).idNumber(Dossiers.randomIdNumber());
    }

    private Dossiers hongshan(int year, String name) {
        return ningcheng(year, name).employer(Dossiers.HS_HOSPITAL, "红山区医院", "PUBLIC_INSTITUTION", "COUNTY",
                "hongshan", "hongshan-health");
    }

    private ResponseEntity<byte[]> download(String user, String path) {
        HttpHeaders h = new HttpHeaders();
        h.setAccept(List.of(MediaType.ALL));
        if (user != null) {
            h.setBasicAuth(user, TestUsers.PASSWORD);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(h), byte[].class);
    }

    private XSSFWorkbook xlsx(String user, String path) throws IOException {
        ResponseEntity<byte[]> r = download(user, path);
        assertThat(r.getStatusCode()).as("%s %s: %s", user, path,
                r.getBody() == null ? "" : new String(r.getBody(), StandardCharsets.UTF_8)).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType().toString())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        java.nio.file.Path kept = java.nio.file.Path.of("target", "reports", user + "-"
                + path.replaceAll("[^A-Za-z0-9.]+", "-"));
        java.nio.file.Files.createDirectories(kept.getParent());
        java.nio.file.Files.write(kept, r.getBody());
        return new XSSFWorkbook(new ByteArrayInputStream(r.getBody()));
    }

    /** The rows under the header, each as its cells' text. */
    private static List<List<String>> body(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = ReportWorkbook.HEADER_ROW + 1; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            List<String> cells = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : TEXT.formatCellValue(row.getCell(c)));
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> header(Sheet sheet) {
        List<String> h = new ArrayList<>();
        sheet.getRow(ReportWorkbook.HEADER_ROW).forEach(c -> h.add(c.getStringCellValue()));
        return h;
    }

    /** The data rows (not the series rows) as header → text. */
    private static List<Map<String, String>> records(Sheet sheet) {
        List<String> header = header(sheet);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> row : body(sheet)) {
            if (row.size() < header.size() || row.get(0).isEmpty() || !row.get(0).matches("\\d+")) {
                continue;
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                m.put(header.get(c), row.get(c));
            }
            out.add(m);
        }
        return out;
    }

    private static boolean merged(Sheet sheet, int row) {
        return sheet.getMergedRegions().stream().anyMatch(r -> r.getFirstRow() == row && r.getLastRow() == row
                && r.getFirstColumn() == 0 && r.getLastColumn() > 0);
    }

    @Test
    void aCountyRosterOfTheSeniorBandGroupsItsCountysCountedApplicationsBySeriesThenSpecialty() throws IOException {
        int year = 2014;
        season(year);
        String man = RosterRowsTest.idNumber("19800512", "013");
        String woman = RosterRowsTest.idNumber("19830228", "024");
        insert(ningcheng(year, "张伟").idNumber(man).series("HEALTH").targetLevel("ASSOCIATE_SENIOR")
                .specialty("内科").workStartDate(LocalDate.of(2004, 7, 15)).currentTitleDate(LocalDate.of(2010, 1, 1))
                .build(), ApplicationStatus.IN_REVIEW,
                ningchengRoute());
        insert(ningcheng(year, "王芳").idNumber(woman).series("HEALTH").targetLevel("SENIOR").specialty("外科")
                .workStartDate(LocalDate.of(2004, 7, 16)).build(), ApplicationStatus.IN_EVALUATION, ningchengRoute());
        insert(ningcheng(year, "李娜").series("HEALTH").targetLevel("ASSOCIATE_SENIOR").specialty("内科").build(),
                ApplicationStatus.RETURNED, ningchengRoute());
        insert(ningcheng(year, "刘洋").series("ENGINEERING").targetLevel("ASSOCIATE_SENIOR").specialty("电力")
                .build(), ApplicationStatus.CORRECTION_REQUESTED, ningchengRoute());
        insert(ningcheng(year, "陈静").series("ENGINEERING").targetLevel("INTERMEDIATE").specialty("电力").build(),
                ApplicationStatus.IN_REVIEW, ningchengRoute());
        insert(ningcheng(year, "草稿人").series("HEALTH").targetLevel("SENIOR").build(), ApplicationStatus.DRAFT);
        insert(ningcheng(year, "撤回人").series("HEALTH").targetLevel("SENIOR").build(), ApplicationStatus.WITHDRAWN,
                ningchengRoute());
        insert(hongshan(year, "赵磊").series("HEALTH").targetLevel("SENIOR").build(), ApplicationStatus.IN_REVIEW,
                hongshanRoute());

        String path = "/api/reports/" + year + "/rosters/SENIOR.xlsx";
        ResponseEntity<byte[]> raw = download(users.reviewer(NC_HR), path);
        assertThat(raw.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("filename=\"roster-2014-senior.xlsx\"")
                .contains("filename*=UTF-8''" + URLEncoder.encode(
                        "2014年申报专业技术职称评审人员花名册（高级）-宁城县人力资源和社会保障局.xlsx", StandardCharsets.UTF_8));
        try (XSSFWorkbook wb = xlsx(users.reviewer(NC_HR), path)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(ReportWorkbook.TITLE_ROW).getCell(0).getStringCellValue())
                    .isEqualTo("2014年申报专业技术职称评审人员花名册（高级）");
            assertThat(sheet.getRow(ReportWorkbook.SUBTITLE_ROW).getCell(0).getStringCellValue())
                    .contains("宁城县人力资源和社会保障局");
            assertThat(header(sheet)).containsExactly("序号", "姓名", "性别", "出生年月", "工作单位", "现专业技术职务",
                    "取得时间", "申报系列", "申报专业", "申报级别", "学历", "毕业时间", "从事专业工作年限", "申报渠道",
                    "审核状态", "备注");
            List<List<String>> rows = body(sheet);
            // a merged row opens each series; 工程 before 卫生; within 卫生 内科 before 外科, then by name
            assertThat(rows).extracting(r -> r.get(0)).containsExactly("工程系列（1人）", "1", "卫生系列（3人）", "2",
                    "3", "4");
            assertThat(merged(sheet, ReportWorkbook.HEADER_ROW + 1)).isTrue();
            assertThat(merged(sheet, ReportWorkbook.HEADER_ROW + 3)).isTrue();
            assertThat(rows).extracting(r -> r.size() > 1 ? r.get(1) : "").containsExactly("", "刘洋", "", "李娜",
                    "张伟", "王芳");

            Map<String, Map<String, String>> byName = new LinkedHashMap<>();
            records(sheet).forEach(r -> byName.put(r.get("姓名"), r));
            assertThat(byName.get("张伟")).containsEntry("性别", "男").containsEntry("出生年月", "1980-05")
                    .containsEntry("申报系列", "卫生").containsEntry("申报专业", "内科").containsEntry("申报级别", "副高级")
                    .containsEntry("从事专业工作年限", "10").containsEntry("审核状态", "审核中")
                    .containsEntry("工作单位", "宁城县中心医院").containsEntry("现专业技术职务", "中级")
                    .containsEntry("取得时间", "2010-01");
            assertThat(byName.get("王芳")).containsEntry("性别", "女").containsEntry("出生年月", "1983-02")
                    .containsEntry("申报级别", "正高级").containsEntry("从事专业工作年限", "9")
                    .containsEntry("审核状态", "评审中");
            assertThat(byName.get("李娜")).containsEntry("审核状态", "已退回修改");
            assertThat(byName.get("刘洋")).containsEntry("审核状态", "待补正材料");
            assertThat(byName).as("drafts, withdrawn ones, the intermediate one and another county's are not here")
                    .doesNotContainKeys("草稿人", "撤回人", "陈静", "赵磊");

            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
                    .as("frozen under the header").isEqualTo((short) (ReportWorkbook.HEADER_ROW + 1));
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("3:3"));
            assertThat(sheet.getColumnWidth(4)).as("工作单位 is wide").isGreaterThan(sheet.getColumnWidth(2) * 3);
            assertThat(wb.getSheet(ReportWorkbook.INSTRUCTIONS_SHEET)).isNotNull();
            assertThat(wb.getSheet(ReportWorkbook.INSTRUCTIONS_SHEET).getRow(1).getCell(0).getStringCellValue())
                    .contains("分文件");
        }
        try (XSSFWorkbook wb = xlsx(users.reviewer(NC_HR), "/api/reports/" + year + "/rosters/INTERMEDIATE.xlsx")) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).endsWith("（中级）");
            assertThat(records(wb.getSheetAt(0))).extracting(r -> r.get("姓名")).containsExactly("陈静");
        }
        try (XSSFWorkbook wb = xlsx(users.reviewer(NC_HR), "/api/reports/" + year + "/rosters/JUNIOR.xlsx")) {
            assertThat(records(wb.getSheetAt(0))).isEmpty();
        }
    }

    @Test
    void theHealthRosterHoldsTheSeniorHealthApplicationsWithTheSameValuesAsTheRoster() throws IOException {
        int year = 2013;
        season(year);
        insert(ningcheng(year, "孙丽").series("HEALTH").targetLevel("ASSOCIATE_SENIOR").specialty("儿科")
                .currentTitleDate(LocalDate.of(2007, 3, 1)).build(), ApplicationStatus.IN_REVIEW, ningchengRoute());
        insert(ningcheng(year, "周强").series("HEALTH").targetLevel("SENIOR").specialty("内科").education("MASTER")
                .build(), ApplicationStatus.IN_PUBLICITY, ningchengRoute());
        insert(ningcheng(year, "吴敏").series("HEALTH").targetLevel("INTERMEDIATE").build(),
                ApplicationStatus.IN_REVIEW, ningchengRoute());
        insert(ningcheng(year, "郑浩").series("ENGINEERING").targetLevel("ASSOCIATE_SENIOR").build(),
                ApplicationStatus.IN_REVIEW, ningchengRoute());

        List<Map<String, String>> roster;
        try (XSSFWorkbook wb = xlsx(users.reviewer(NC_HR), "/api/reports/" + year + "/rosters/SENIOR.xlsx")) {
            roster = records(wb.getSheetAt(0));
        }
        try (XSSFWorkbook wb = xlsx(users.reviewer(NC_HR), "/api/reports/" + year + "/health-roster.xlsx")) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("卫生健康高级", "2013");
            List<Map<String, String>> health = records(sheet);
            assertThat(health).extracting(r -> r.get("姓名")).containsExactly("孙丽", "周强");
            assertThat(wb.getSheet(ReportWorkbook.INSTRUCTIONS_SHEET)).isNotNull();
            List<String> shared = header(sheet).stream().filter(roster.get(0)::containsKey)
                    .filter(h -> !h.equals("序号")).toList();
            assertThat(shared).as("the two tables share most items").contains("姓名", "性别", "出生年月", "工作单位",
                    "申报专业", "申报级别", "学历", "毕业时间", "取得时间", "从事专业工作年限", "申报渠道", "审核状态");
            for (Map<String, String> h : health) {
                Map<String, String> same = roster.stream().filter(r -> r.get("姓名").equals(h.get("姓名")))
                        .findFirst().orElseThrow();
                for (String item : shared) {
                    assertThat(h.get(item)).as("%s of %s", item, h.get("姓名")).isEqualTo(same.get(item));
                }
            }
            Map<String, String> sun = health.get(0);
            assertThat(sun).containsEntry("任现职年限", "6").containsEntry("取得时间", "2007-03");
            assertThat(ResidentIdNumber.problem(sun.get("身份证号"))).isNull();
        }
    }

    @Test
    void theStatisticsCountApplicantsPerUnitAndLevelAndMarkAUnitOverItsVacantPosts() throws IOException {
        int year = 2012;
        season(year);
        String code = String.format("91150429T%09d", System.nanoTime() % 1_000_000_000L);
        posts.save(code, "ASSOCIATE_SENIOR", 3, 2);
        posts.save(code, "INTERMEDIATE", 5, 1);
        for (int i = 0; i < 2; i++) {
            insert(ningcheng(year, "甲" + i).employer(code, "宁城县统计测试医院", "PUBLIC_INSTITUTION", "COUNTY",
                    "ningcheng", "ningcheng-health").series("HEALTH").targetLevel("ASSOCIATE_SENIOR").build(),
                    ApplicationStatus.IN_REVIEW, ningchengRoute());
        }
        insert(ningcheng(year, "乙").employer(code, "宁城县统计测试医院", "PUBLIC_INSTITUTION", "COUNTY", "ningcheng",
                "ningcheng-health").series("HEALTH").targetLevel("INTERMEDIATE").build(), ApplicationStatus.IN_REVIEW,
                ningchengRoute());
        insert(ningcheng(year, "丙").employer(code, "宁城县统计测试医院", "PUBLIC_INSTITUTION", "COUNTY", "ningcheng",
                "ningcheng-health").series("HEALTH").targetLevel("INTERMEDIATE").build(), ApplicationStatus.WITHDRAWN,
                ningchengRoute());
        String other = String.format("91150429U%09d", System.nanoTime() % 1_000_000_000L);
        insert(ningcheng(year, "丁").employer(other, "宁城县统计对照单位", "PUBLIC_INSTITUTION", "COUNTY", "ningcheng",
                "ningcheng-health").series("HEALTH").targetLevel("INTERMEDIATE").build(), ApplicationStatus.IN_REVIEW,
                ningchengRoute());

        ResponseEntity<byte[]> raw = download(users.reviewer(NC_HR), "/api/reports/" + year + "/statistics.xlsx");
        assertThat(raw.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("filename*=UTF-8''"
                + URLEncoder.encode("2012年岗位数及申报人数统计表-宁城县人力资源和社会保障局.xlsx", StandardCharsets.UTF_8));
        try (XSSFWorkbook wb = xlsx(users.reviewer(NC_HR), "/api/reports/" + year + "/statistics.xlsx")) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2012年岗位数及申报人数统计表");
            List<String> header = header(sheet);
            List<Map<String, String>> rows = records(sheet);
            Map<String, String> test = rows.stream().filter(r -> r.get("单位名称").equals("宁城县统计测试医院"))
                    .findFirst().orElseThrow();
            assertThat(test).containsEntry("申报系列", "卫生").containsEntry("副高级岗位数", "3")
                    .containsEntry("副高级在岗人数", "2").containsEntry("副高级空岗数", "1")
                    .containsEntry("副高级申报人数", "2").containsEntry("中级空岗数", "4")
                    .containsEntry("中级申报人数", "1").containsEntry("申报人数合计", "3")
                    .containsEntry("超岗", "超岗：副高级");
            Map<String, String> hospital = rows.stream().filter(r -> r.get("单位名称").equals("宁城县统计对照单位"))
                    .findFirst().orElseThrow();
            assertThat(hospital).containsEntry("中级申报人数", "1").containsEntry("超岗", "");

            int overRow = rowOf(sheet, "宁城县统计测试医院");
            int plainRow = rowOf(sheet, "宁城县统计对照单位");
            int overColumn = header.indexOf("超岗");
            XSSFCellStyle over = sheet.getRow(overRow).getCell(overColumn).getCellStyle();
            assertThat(over.getFillForegroundColor()).as("超岗 row filled")
                    .isEqualTo(ReportWorkbook.OVER_FILL.getIndex());
            assertThat(sheet.getRow(overRow).getCell(1).getCellStyle().getFillForegroundColor())
                    .isEqualTo(ReportWorkbook.OVER_FILL.getIndex());
            assertThat(sheet.getRow(plainRow).getCell(overColumn).getCellStyle().getFillForegroundColor())
                    .isNotEqualTo(ReportWorkbook.OVER_FILL.getIndex());
            List<List<String>> all = body(sheet);
            assertThat(all).anySatisfy(r -> assertThat(r).startsWith("", "合计"));
        }
    }

    private static int rowOf(Sheet sheet, String unit) {
        for (int i = ReportWorkbook.HEADER_ROW + 1; i <= sheet.getLastRowNum(); i++) {
            if (sheet.getRow(i) != null && sheet.getRow(i).getCell(1) != null
                    && unit.equals(TEXT.formatCellValue(sheet.getRow(i).getCell(1)))) {
                return i;
            }
        }
        throw new AssertionError(unit + " not in the table");
    }

    @Test
    void eachBodyExportsItsOwnACountyNotAnothersTheCityEverythingAndOthersAreRefused() throws IOException {
        int year = 2011;
        season(year);
        insert(ningcheng(year, "宁城卫生").series("HEALTH").targetLevel("SENIOR").build(), ApplicationStatus.IN_REVIEW,
                ningchengRoute());
        insert(ningcheng(year, "宁城教师").series("PRIMARY_SECONDARY_TEACHER").targetLevel("SENIOR")
                .employer(Dossiers.NC_SCHOOL, "宁城县第一中学", "PUBLIC_INSTITUTION", "COUNTY", "ningcheng",
                        "ningcheng-edu").build(), ApplicationStatus.IN_REVIEW,
                "unit-nc-school", "ningcheng-edu", "city-edu", "city-hr");
        insert(hongshan(year, "红山卫生").series("HEALTH").targetLevel("SENIOR").build(), ApplicationStatus.IN_REVIEW,
                hongshanRoute());
        String senior = "/api/reports/" + year + "/rosters/SENIOR.xlsx";

        assertThat(names(users.reviewer(NC_HR), senior)).containsExactlyInAnyOrder("宁城卫生", "宁城教师");
        assertThat(names(users.reviewer(HS_HR), senior)).containsExactly("红山卫生");
        assertThat(names(users.reviewer("ningcheng-health"), senior)).as("the competent department: routed through it")
                .containsExactly("宁城卫生");
        assertThat(names(users.reviewer("city-edu"), senior)).containsExactly("宁城教师");
        assertThat(names(users.reviewer("city-hr"), senior)).containsExactlyInAnyOrder("宁城卫生", "宁城教师", "红山卫生");
        assertThat(names(TestUsers.ADMIN, senior)).containsExactlyInAnyOrder("宁城卫生", "宁城教师", "红山卫生");
        String both = users.user("ros-two-bodies", NC_HR, "ningcheng-health");
        assertThat(names(both, senior + "?body=ningcheng-health")).containsExactly("宁城卫生");

        List<String> paths = List.of(senior, "/api/reports/" + year + "/health-roster.xlsx",
                "/api/reports/" + year + "/statistics.xlsx");
        for (String path : paths) {
            char sep = path.contains("?") ? '&' : '?';
            assertThat(download(users.reviewer(HS_HR), path + sep + "body=" + NC_HR).getStatusCode())
                    .as("a county exports no other county's: %s", path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(download(users.applicant("ros-applicant-" + System.nanoTime()), path).getStatusCode())
                    .as("an applicant: %s", path).isEqualTo(HttpStatus.FORBIDDEN);
            ResponseEntity<byte[]> unit = download(users.reviewer("unit-nc-hospital"), path);
            assertThat(unit.getStatusCode()).as("a unit: %s", path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(new String(unit.getBody(), StandardCharsets.UTF_8)).doesNotContain("宁城卫生");
            assertThat(download(users.reviewer("region-hr"), path).getStatusCode())
                    .as("no reporting body: %s", path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(download(null, path).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(download(both, path).getStatusCode()).as("two bodies, none named")
                    .isEqualTo(HttpStatus.BAD_REQUEST);
        }

        ResponseEntity<byte[]> band = download(users.reviewer(NC_HR), "/api/reports/" + year + "/rosters/HIGH.xlsx");
        assertThat(band.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<?, ?> error = json.readValue(band.getBody(), Map.class);
        assertThat(error.toString()).contains("band");
        assertThat(download(users.reviewer(NC_HR), senior + "?body=no-such-body").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(download(users.reviewer(NC_HR), "/api/reports/1990/rosters/SENIOR.xlsx").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private List<String> names(String user, String path) throws IOException {
        try (XSSFWorkbook wb = xlsx(user, path)) {
            return records(wb.getSheetAt(0)).stream().map(r -> r.get("姓名")).toList();
        }
    }

    @Test
    void aSubmittedApplicationIsOnItsRoutesRostersWithTheChannelItsEligibilityDecided() throws IOException {
        String applicant = users.applicant("ros-" + System.nanoTime());
        Map<String, Object> body = json.convertValue(dossier().name("罗思涛").series("HEALTH")
                .targetLevel("ASSOCIATE_SENIOR").specialty("放射医学").build(), Map.class);
        ResponseEntity<Map<String, Object>> r = new Api(http, applicant).post("/api/applications", body);
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.CREATED);
        String id = (String) r.getBody().get("applicationId");
        Map<?, ?> eligibility = (Map<?, ?>) new Api(http, applicant).get("/api/applications/" + id).getBody()
                .get("eligibility");
        String channel = (String) eligibility.get("channelLabel");
        assertThat(channel).isNotBlank();

        for (String bodyOnRoute : List.of(NC_HR, "ningcheng-health", "city-hr")) {
            try (XSSFWorkbook wb = xlsx(users.reviewer(bodyOnRoute), "/api/reports/2025/rosters/SENIOR.xlsx")) {
                assertThat(records(wb.getSheetAt(0))).as(bodyOnRoute).filteredOn(x -> x.get("姓名").equals("罗思涛"))
                        .singleElement().satisfies(x -> assertThat(x).containsEntry("申报渠道", channel)
                                .containsEntry("申报专业", "放射医学").containsEntry("审核状态", "审核中"));
            }
        }
        assertThat(names(users.reviewer(HS_HR), "/api/reports/2025/rosters/SENIOR.xlsx")).doesNotContain("罗思涛");
        try (XSSFWorkbook wb = xlsx(users.reviewer(NC_HR), "/api/reports/2025/health-roster.xlsx")) {
            assertThat(records(wb.getSheetAt(0))).filteredOn(x -> x.get("姓名").equals("罗思涛")).singleElement()
                    .satisfies(x -> assertThat(x).containsEntry("申报渠道", channel));
        }
    }
}
