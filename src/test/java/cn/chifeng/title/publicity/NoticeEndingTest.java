package cn.chifeng.title.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * A notice ends at midnight China time after its last working day; only the demo's switch shortens it, and then its
 * title says so; the switch is off outside the demo profile.
 */
class NoticeEndingTest {
    @Test
    void aNoticeEndsAtMidnightAfterItsLastWorkingDayUnlessTheDemoShortensItVisibly() {
        Instant published = Instant.parse("2025-06-10T02:00:00Z");
        PublicityService.Ending normal = PublicityService.ending(LocalDate.of(2025, 6, 16), published, Duration.ZERO);
        assertThat(normal.at()).isEqualTo(Instant.parse("2025-06-16T16:00:00Z"));
        assertThat(normal.titleNote()).isEmpty();

        PublicityService.Ending demo = PublicityService.ending(LocalDate.of(2025, 6, 16), published,
                Duration.ofMinutes(3));
        assertThat(demo.at()).isEqualTo(Instant.parse("2025-06-10T02:03:00Z"));
        assertThat(demo.titleNote()).isEqualTo("（演示：公示期缩短为3分钟）");

        PublicityService.Ending seconds = PublicityService.ending(LocalDate.of(2025, 6, 16), published,
                Duration.ofSeconds(20));
        assertThat(seconds.at()).isEqualTo(Instant.parse("2025-06-10T02:00:20Z"));
        assertThat(seconds.titleNote()).isEqualTo("（演示：公示期缩短为20秒）");
        assertThat(PublicityService.spoken(Duration.ofSeconds(90))).isEqualTo("90秒");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSwitchIsOffByDefaultAndOnOnlyInTheDemoProfile() throws Exception {
        assertThat(period("/application.yaml")).isZero();
        assertThat(period("/application-demo.yaml")).isEqualTo(Duration.ofMinutes(3));
    }

    @SuppressWarnings("unchecked")
    private static Duration period(String file) throws Exception {
        try (InputStream in = NoticeEndingTest.class.getResourceAsStream(file)) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> publicity = (Map<String, Object>) ((Map<String, Object>) root.get("title"))
                    .get("publicity");
            Object value = publicity.get("demo-period");
            return "0".equals(String.valueOf(value)) ? Duration.ZERO
                    : org.springframework.boot.convert.DurationStyle.detectAndParse(String.valueOf(value));
        }
    }
}
