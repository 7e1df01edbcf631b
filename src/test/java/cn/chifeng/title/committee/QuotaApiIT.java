package cn.chifeng.title.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.IntegrationTestBase;

/** ELI-13: the city education bureau distributes the teacher 正高级 quota; others are refused; bad shares are 400. */
class QuotaApiIT extends IntegrationTestBase {
    private static final String PATH = "/api/quotas/2025/PRIMARY_SECONDARY_TEACHER:SENIOR";
    @Autowired
    TestRestTemplate http;

    @Test
    void theCityEducationBureauDistributesTheTeacherQuota() {
        Api edu = new Api(http, users.reviewer("city-edu"));
        ResponseEntity<Map<String, Object>> ok = edu.put(PATH, Map.of("TOTAL", 49, "CITY", 13, "ningcheng", 6,
                "hongshan", 5));
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) ok.getBody().get("shares")).containsEntry("TOTAL", 49)
                .containsEntry("ningcheng", 6);

        ResponseEntity<Map<String, Object>> over = edu.put(PATH, Map.of("TOTAL", 10, "CITY", 8, "ningcheng", 6));
        assertThat(over.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(over.getBody().toString()).contains("TOTAL").contains("超过");
        assertThat(edu.put(PATH, Map.of("TOTAL", 49, "atlantis", 1)).getBody().toString()).contains("atlantis");
        assertThat(edu.put("/api/quotas/2025/TEACHER:TOP", Map.of("TOTAL", 1)).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(new Api(http, users.reviewer("city-hr")).put(PATH, Map.of("TOTAL", 60)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new Api(http, users.reviewer("cmte-pst-city")).put(PATH, Map.of("TOTAL", 60)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new Api(http, users.applicant("quota-nosy")).get(PATH).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new Api(http, users.reviewer("cmte-pst-city")).get(PATH).getBody().get("shares").toString())
                .contains("TOTAL=49");
    }
}
