package cn.chifeng.title.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import cn.chifeng.title.security.Roles;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/**
 * SUP-2 for what the engine does not record: an administrator's changes to a season's dates, a committee quota,
 * a unit's posts and the credit archive, each with who, when and what was set; read by administrators and
 * supervisors only.
 */
class AdminChangesIT extends IntegrationTestBase {
    @Autowired
    TestRestTemplate http;

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> changes(String user, String subject) {
        var r = new Api(http, user).get("/api/audit/admin-changes?subject=" + subject);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (List<Map<String, Object>>) r.getBody().get("items");
    }

    @Test
    void everyAdministratorsChangeIsRecordedWithWhoWhenAndWhat() {
        Api admin = new Api(http, TestUsers.ADMIN);
        assertThat(admin.put("/api/seasons/2018", Map.of("applicationOpen", "2018-06-01", "applicationClose",
                "2018-06-25", "reviewClose", "2018-07-02", "qualificationCutoff", "2018-07-15", "evaluationClose",
                "2018-09-30")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.put("/api/quotas/2018/HEALTH:SENIOR", Map.of("TOTAL", 7)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(admin.put("/api/post-quotas/" + Dossiers.NC_HOSPITAL + "/INTERMEDIATE",
                Map.of("posts", 12, "holders", 9)).getStatusCode()).isEqualTo(HttpStatus.OK);
        String person = Dossiers.randomIdNumber();
        assertThat(admin.post("/api/credit-violations", List.of(Map.of("idNumber", person, "kind", "FALSE_MATERIAL",
                "recordedOn", "2024-03-01", "source", "2024年度职称评审", "name", "某某"))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        assertThat(changes(TestUsers.ADMIN, "SEASON")).first().satisfies(c -> {
            assertThat(c).containsEntry("actor", TestUsers.ADMIN).containsEntry("subjectId", "2018")
                    .containsEntry("subjectLabel", "评审年度日期");
            assertThat(c.get("detail").toString()).contains("2018-07-02");
        });
        assertThat(changes(TestUsers.ADMIN, "QUOTA")).first().satisfies(c ->
                assertThat(c).containsEntry("subjectId", "2018/HEALTH:SENIOR").containsEntry("detail", "{\"TOTAL\":7}"));
        assertThat(changes(TestUsers.ADMIN, "POST_QUOTA")).first().satisfies(c -> {
            assertThat(c).containsEntry("subjectId", Dossiers.NC_HOSPITAL + "/INTERMEDIATE");
            assertThat(c.get("detail").toString()).contains("\"posts\":12").contains("\"holders\":9");
        });
        String supervisor = users.user("audit-supervisor", Roles.SUPERVISORS);
        assertThat(changes(supervisor, "CREDIT_ARCHIVE")).first().satisfies(c -> {
            assertThat(c.get("summary")).isEqualTo("导入 1 条违规记录");
            assertThat(c.get("detail").toString()).contains(person.substring(0, 6) + "********")
                    .doesNotContain(person);
        });
    }

    @Test
    void onlyAdministratorsAndSupervisorsReadTheChangesAndABadFilterIsNamed() {
        assertThat(new Api(http, users.reviewer("city-hr")).get("/api/audit/admin-changes").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new Api(http, users.applicant("audit-" + System.nanoTime())).get("/api/audit/admin-changes")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var bad = new Api(http, TestUsers.ADMIN).get("/api/audit/admin-changes?subject=BOGUS");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().toString()).contains("subject");
        assertThat(new Api(http, TestUsers.ADMIN).get("/api/audit/admin-changes?page=-2").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
