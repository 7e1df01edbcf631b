package cn.chifeng.title.season;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.IntegrationTestBase;

/** {@code GET /api/calendar/period-end}: the last day of a notice period over the National Day holiday. */
class CalendarApiIT extends IntegrationTestBase {
    @Autowired
    TestRestTemplate http;

    @Test
    void aFiveWorkingDayNoticeFromTheTwentySixthOfSeptemberEndsOnTheNinthOfOctober() {
        Map<String, Object> r = new Api(http, users.applicant("calendar-user"))
                .get("/api/calendar/period-end?start=2025-09-26&workingDays=5").getBody();
        assertThat(r).containsEntry("end", "2025-10-09").containsEntry("official", true);
    }

    @Test
    void badParametersAre400sNamingTheParameter() {
        Api api = new Api(http, users.applicant("calendar-user"));
        ResponseEntity<Map<String, Object>> noDate = api.get("/api/calendar/period-end?start=2025-02-30&workingDays=5");
        assertThat(noDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) noDate.getBody().get("errors")).extracting(m -> m.get("field"))
                .containsExactly("start");
        ResponseEntity<Map<String, Object>> zero = api.get("/api/calendar/period-end?start=2025-02-03&workingDays=0");
        assertThat((List<Map<String, String>>) zero.getBody().get("errors")).extracting(m -> m.get("field"))
                .containsExactly("workingDays");
    }
}
