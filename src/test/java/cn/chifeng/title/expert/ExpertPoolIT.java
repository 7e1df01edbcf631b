package cn.chifeng.title.expert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import cn.chifeng.title.security.Roles;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/**
 * The expert pool of a committee (EVA-1) over HTTP: import of .xlsx and .csv (all rows or none), export read back
 * with POI and re-imported unchanged, the season's clean-up, changes of one expert, and who may do what. Each test
 * uses its own committee, so that the tests share the database without sharing a pool.
 */
@Tag("postgres")
class ExpertPoolIT extends IntegrationTestBase {
    private static final String HEADER = "姓名,专业,层级,工作单位,统一社会信用代码,是否民营企业,自主评审单位内部专家,已参评年度,登录账号,联系电话";
    private static final String WANG = "王建国,临床医学,正高级,红山区人民医院,1215040252601815JU,否,1215040252601815JU,2023,wangjg,13904761234";
    private static final String ZHANG = "张丽,护理,副高级,宁城县中心医院,1215042918609139YY,否,,,,";
    private static final String ZHAO = "赵刚,临床医学,中级,元宝山发电有限责任公司,9115040391186252X7,是,,2022、2023,,0476-8253456";
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    ExpertPool pool;

    private static byte[] utf8(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(String... lines) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("专家名单");
            for (int r = 0; r < lines.length; r++) {
                Row row = s.createRow(r);
                String[] cells = lines[r].split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private ResponseEntity<Map<String, Object>> upload(String user, String committee, String name, byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        if (user != null) {
            h.setBasicAuth(user, TestUsers.PASSWORD);
        }
        return http.exchange("/api/committees/" + committee + "/experts/import", HttpMethod.POST,
                new HttpEntity<>(parts, h), MAP);
    }

    private ResponseEntity<byte[]> download(String user, String path) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, TestUsers.PASSWORD);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(h), byte[].class);
    }

    /** {@code body}: a map, or the JSON as text (a null in a map would not be sent). */
    private ResponseEntity<Map<String, Object>> patch(String user, String committee, long id, Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setBasicAuth(user, TestUsers.PASSWORD);
        return http.exchange("/api/committees/" + committee + "/experts/" + id, HttpMethod.PATCH,
                new HttpEntity<>(body, h), MAP);
    }

    private Expert named(String committee, String name) {
        return pool.all(committee).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> r) {
        return (List<Map<String, Object>>) r.getBody().get("errors");
    }

    @Test
    void anXlsxImportAddsTheExpertsAndACsvImportUpdatesThemAndLeavesTheOthersAlone() throws IOException {
        String committee = "cmte-engineering-city";
        String office = users.reviewer(committee);

        ResponseEntity<Map<String, Object>> first = upload(office, committee, "专家名单.xlsx", xlsx(HEADER, WANG, ZHANG));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody()).containsEntry("inserted", 2).containsEntry("updated", 0);
        Expert wang = named(committee, "王建国");
        assertThat(wang).extracting(Expert::level, Expert::internalUnitCode, Expert::seasonsServed, Expert::account)
                .containsExactly(cn.chifeng.title.code.Level.SENIOR, "1215040252601815JU", List.of(2023), "wangjg");

        String wangMoved = WANG.replace("13904761234", "13904760000").replace(",2023,", ",2024,");
        ResponseEntity<Map<String, Object>> second = upload(office, committee, "更新.csv", utf8(HEADER, wangMoved, ZHAO));

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getBody()).containsEntry("inserted", 1).containsEntry("updated", 1).containsEntry("changed", 1);
        assertThat(pool.all(committee)).extracting(Expert::name).containsExactly("王建国", "张丽", "赵刚");
        assertThat(named(committee, "王建国")).extracting(Expert::phone, Expert::seasonsServed, Expert::id)
                .as("seasons are added, never dropped by an import").containsExactly("13904760000", List.of(2023, 2024), wang.id());
        assertThat(named(committee, "赵刚").privateEnterprise()).isTrue();
    }

    @Test
    void aGb18030CsvImportsAndTheDrawRecordsASeasonOnce() {
        String committee = "cmte-accounting-city";
        String office = users.reviewer(committee);

        ResponseEntity<Map<String, Object>> r = upload(office, committee, "专家.csv",
                (HEADER + "\r\n" + ZHAO + "\r\n").getBytes(Charset.forName("GB18030")));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Expert zhao = named(committee, "赵刚");
        assertThat(zhao.employerName()).isEqualTo("元宝山发电有限责任公司");
        pool.recordService(zhao.id(), 2025);
        pool.recordService(zhao.id(), 2025);
        assertThat(pool.find(zhao.id()).orElseThrow().seasonsServed()).containsExactly(2022, 2023, 2025);
        assertThat(pool.active(committee)).extracting(Expert::id).containsExactly(zhao.id());
    }

    @Test
    void oneBadRowImportsNothingAndTheAnswerNamesEveryBadCell() {
        String committee = "cmte-economics-city";
        String office = users.reviewer(committee);
        upload(office, committee, "a.csv", utf8(HEADER, WANG));
        List<Expert> before = pool.all(committee);

        ResponseEntity<Map<String, Object>> r = upload(office, committee, "b.csv", utf8(HEADER,
                WANG.replace("13904761234", "13900000000"),
                ZHANG,
                "李明,临床医学,正高级,红山区人民医院,1215040252601815JA,否,,,,",
                "周红,药学,初级,赤峰市医院,1215040019093786QM,不是,,,,"));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(r)).containsExactly(
                Map.of("row", 4, "column", "统一社会信用代码", "reason", "统一社会信用代码校验位不正确"),
                Map.of("row", 5, "column", "层级", "reason", "层级须为正高级、副高级或中级（评审专家须具有中级及以上职称）"),
                Map.of("row", 5, "column", "是否民营企业", "reason", "须填写“是”或“否”"));
        assertThat(pool.all(committee)).as("nothing imported, nothing updated").isEqualTo(before);

        ResponseEntity<Map<String, Object>> twice = upload(office, committee, "c.csv", utf8(HEADER, ZHANG, ZHANG));
        assertThat(errors(twice)).extracting(e -> e.get("row") + " " + e.get("column")).containsExactly("3 姓名");
        assertThat(errors(upload(office, committee, "d.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII))))
                .extracting(e -> e.get("field")).containsExactly("file");
        assertThat(errors(upload(office, committee, "e.csv", utf8(HEADER)))).extracting(e -> e.get("field"))
                .containsExactly("file");
        assertThat(errors(upload(office, committee, "big.csv", new byte[5 * 1024 * 1024 + 1])))
                .extracting(e -> e.get("message")).containsExactly("文件不能超过 5 MB");
        assertThat(pool.all(committee)).isEqualTo(before);
    }

    @Test
    void theExportReadsBackWithPoiAndReImportsUnchanged() throws IOException {
        String committee = "cmte-agriculture-city";
        String office = users.reviewer(committee);
        upload(office, committee, "a.csv", utf8(HEADER, WANG, ZHANG, ZHAO.replace("0476-8253456", "\"0476-8253456\"")));
        long zhang = named(committee, "张丽").id();
        new Api(http, office).post("/api/committees/" + committee + "/pool-cleanups",
                Map.of("season", 2025, "retire", List.of(zhang), "filedWith", "city-hr"));
        List<Expert> before = pool.all(committee);

        ResponseEntity<byte[]> xlsx = download(office, "/api/committees/" + committee + "/experts.xlsx");

        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xlsx.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
                .contains("filename*=UTF-8''%E8%AF%84%E5%AE%A1%E4%B8%93%E5%AE%B6%E5%BA%93-")
                .contains("filename=\"experts-cmte-agriculture-city.xlsx\"");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet s = wb.getSheetAt(0);
            List<String> header = new ArrayList<>();
            s.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("姓名", "专业", "层级", "工作单位", "统一社会信用代码", "是否民营企业",
                    "自主评审单位内部专家", "已参评年度", "登录账号", "联系电话", "状态");
            assertThat(s.getLastRowNum()).isEqualTo(3);
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("王建国");
            assertThat(s.getRow(1).getCell(2).getStringCellValue()).isEqualTo("正高级");
            assertThat(s.getRow(2).getCell(10).getStringCellValue()).isEqualTo("已退出");
            assertThat(s.getRow(3).getCell(7).getStringCellValue()).isEqualTo("2022、2023");
        }

        ResponseEntity<Map<String, Object>> again = upload(office, committee, "导出.xlsx", xlsx.getBody());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("inserted", 0).containsEntry("updated", 3).containsEntry("changed", 0);
        assertThat(pool.all(committee)).isEqualTo(before);

        byte[] csv = download(office, "/api/committees/" + committee + "/experts.csv").getBody();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(upload(office, committee, "导出.csv", csv).getBody()).containsEntry("inserted", 0)
                .containsEntry("updated", 3).containsEntry("changed", 0);
        assertThat(pool.all(committee)).isEqualTo(before);

        String readmit = new String(csv, StandardCharsets.UTF_8).replace("已退出", "在库");
        assertThat(errors(upload(office, committee, "改.csv", readmit.getBytes(StandardCharsets.UTF_8))))
                .extracting(e -> e.get("row") + " " + e.get("column")).containsExactly("3 状态");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCleanUpRetiresTheListedExpertsAndIsFiledWithAnHrDepartment() {
        String committee = "cmte-crafts-city";
        String office = users.reviewer(committee);
        upload(office, committee, "a.csv", utf8(HEADER, WANG, ZHANG, ZHAO));
        long wang = named(committee, "王建国").id();
        Api api = new Api(http, office);
        String path = "/api/committees/" + committee + "/pool-cleanups";

        ResponseEntity<Map<String, Object>> r = api.post(path, Map.of("season", 2025, "retire", List.of(wang),
                "filedWith", "city-hr", "note", "2025年度专家库清理：王建国退休"));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(r.getBody()).containsEntry("retiredCount", 1).containsEntry("updatedCount", 2)
                .containsEntry("filedWith", "city-hr").containsEntry("filedWithName", "赤峰市人力资源和社会保障局")
                .containsEntry("cleanedBy", office).containsEntry("retired", List.of((int) wang));
        assertThat(pool.find(wang).orElseThrow().retired()).isTrue();
        assertThat(pool.active(committee)).extracting(Expert::name).containsExactly("张丽", "赵刚");
        List<Map<String, Object>> listed = api.getList(path).getBody();
        assertThat(listed).singleElement().satisfies(c -> assertThat(c).containsEntry("season", 2025)
                .containsEntry("note", "2025年度专家库清理：王建国退休"));

        ResponseEntity<Map<String, Object>> bad = api.post(path, Map.of("season", 2031, "retire", List.of(wang, 999999),
                "filedWith", "hongshan-health"));
        assertThat(errors(bad)).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("season", "filedWith", "retire[0]", "retire[1]");
        assertThat(api.post(path, Map.of("season", 2025, "retire", List.of(), "filedWith", "ningcheng-hr"))
                .getBody()).as("nothing changed since the last clean-up").containsEntry("updatedCount", 0)
                .containsEntry("retiredCount", 0);
        assertThat(api.getList(path).getBody()).hasSize(2);
    }

    @Test
    void aPatchChangesFieldsCheckedLikeTheImport() {
        String committee = "cmte-tst-city";
        String office = users.reviewer(committee);
        upload(office, committee, "a.csv", utf8(HEADER, WANG, ZHANG));
        Expert wang = named(committee, "王建国");

        ResponseEntity<Map<String, Object>> r = patch(office, committee, wang.id(),
                Map.of("phone", "0476-8888888", "level", "ASSOCIATE_SENIOR", "seasonsServed", List.of(2024)));

        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(pool.find(wang.id()).orElseThrow()).extracting(Expert::phone, Expert::level, Expert::seasonsServed,
                Expert::account).containsExactly("0476-8888888", cn.chifeng.title.code.Level.ASSOCIATE_SENIOR,
                List.of(2024), "wangjg");
        assertThat(patch(office, committee, wang.id(), "{\"account\": null}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(pool.find(wang.id()).orElseThrow().account()).isNull();

        Expert now = pool.find(wang.id()).orElseThrow();
        ResponseEntity<Map<String, Object>> bad = patch(office, committee, wang.id(), Map.of("employerCode",
                "1215040252601815JA", "privateEnterprise", "yes", "retired", true, "level", "助理级"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(bad)).extracting(e -> e.get("field")).containsExactlyInAnyOrder("privateEnterprise", "retired");
        ResponseEntity<Map<String, Object>> badValues = patch(office, committee, wang.id(),
                Map.of("employerCode", "1215040252601815JA", "level", "助理级"));
        assertThat(errors(badValues)).containsExactlyInAnyOrder(
                Map.of("field", "employerCode", "message", "统一社会信用代码校验位不正确"),
                Map.of("field", "level", "message", "层级须为正高级、副高级或中级（评审专家须具有中级及以上职称）"));
        assertThat(patch(office, committee, wang.id(), Map.of("name", "张丽", "employerCode", "1215042918609139YY"))
                .getStatusCode()).as("the same person as another expert").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(pool.find(wang.id()).orElseThrow()).isEqualTo(now);

        long elsewhere = pool.all("cmte-crafts-city").stream().findFirst().map(Expert::id).orElse(999999L);
        assertThat(patch(office, committee, elsewhere, Map.of("phone", "13900000000")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theCommitteesSpecialtiesAreReplacedAndBoundTheImport() {
        String committee = "cmte-agriculture-region";
        String office = users.reviewer(committee);
        Api api = new Api(http, office);
        String path = "/api/committees/" + committee + "/specialties";

        assertThat(api.raw(HttpMethod.PUT, path, List.of("护理", "临床医学")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.raw(HttpMethod.GET, path, null).getBody()).isEqualTo("[\"临床医学\",\"护理\"]");
        ResponseEntity<Map<String, Object>> r = upload(office, committee, "a.csv", utf8(HEADER, WANG, ZHANG,
                "钱进,药学,中级,赤峰市医院,1215040019093786QM,否,,,,"));
        assertThat(errors(r)).extracting(e -> e.get("row") + " " + e.get("column")).containsExactly("4 专业");
        assertThat(upload(office, committee, "b.csv", utf8(HEADER, WANG, ZHANG)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(errors(api.put(path, List.of("临床医学", " 临床医学")))).extracting(e -> e.get("field"))
                .containsExactly("[1]");
        assertThat(api.raw(HttpMethod.PUT, path, List.of("临床医学")).getStatusCode()).as("护理 still has an expert")
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theWrongRolesAreRefusedOnEveryEndpointAndNothingChanges() throws IOException {
        String committee = "cmte-svt-region";
        String office = users.reviewer(committee);
        upload(office, committee, "a.csv", utf8(HEADER, WANG));
        long wang = named(committee, "王建国").id();
        List<Expert> before = pool.all(committee);
        String supervisor = users.user("expert-pool-supervisor", Roles.SUPERVISORS);
        List<String> strangers = List.of(users.applicant("expert-pool-applicant"), users.reviewer("hongshan-hr"),
                users.reviewer("cmte-pst-city"), users.reviewer("unit-hs-hospital"));
        String base = "/api/committees/" + committee;
        List<String> reads = List.of(base + "/experts", base + "/experts.xlsx", base + "/experts.csv",
                base + "/specialties", base + "/pool-cleanups");

        for (String user : strangers) {
            for (String read : reads) {
                assertThat(download(user, read).getStatusCode()).as(user + " GET " + read).isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        for (String user : concat(strangers, supervisor)) {
            Api api = new Api(http, user);
            assertThat(upload(user, committee, "x.csv", utf8(HEADER, ZHANG)).getStatusCode()).as(user + " import")
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.put(base + "/specialties", List.of("护理")).getStatusCode()).as(user + " specialties")
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.post(base + "/pool-cleanups", Map.of("season", 2025, "retire", List.of(wang),
                    "filedWith", "region-hr")).getStatusCode()).as(user + " clean-up").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(patch(user, committee, wang, Map.of("phone", "13900000000")).getStatusCode())
                    .as(user + " patch").isEqualTo(HttpStatus.FORBIDDEN);
        }
        for (String read : reads) {
            assertThat(download(supervisor, read).getStatusCode()).as("supervisor GET " + read).isEqualTo(HttpStatus.OK);
            assertThat(download(TestUsers.ADMIN, read).getStatusCode()).as("admin GET " + read).isEqualTo(HttpStatus.OK);
        }
        assertThat(upload(null, committee, "x.csv", utf8(HEADER, ZHANG)).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(pool.all(committee)).isEqualTo(before);
        assertThat(pool.specialties(committee)).isEmpty();
        assertThat(pool.cleanups(committee)).isEmpty();
        assertThat(upload(TestUsers.ADMIN, committee, "x.csv", utf8(HEADER, ZHANG)).getStatusCode())
                .as("an administrator writes").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aBodyThatIsNotACommitteeOfficeIsNotFound() {
        for (String body : List.of("city-hr", "no-such-committee")) {
            ResponseEntity<Map<String, Object>> r = new Api(http, TestUsers.ADMIN).get("/api/committees/" + body + "/experts");
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(r.getBody()).containsEntry("message", "评委会（办事机构）不存在：" + body);
            assertThat(upload(TestUsers.ADMIN, body, "x.csv", utf8(HEADER, ZHANG)).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    private static List<String> concat(List<String> list, String one) {
        List<String> all = new ArrayList<>(list);
        all.add(one);
        return all;
    }
}
