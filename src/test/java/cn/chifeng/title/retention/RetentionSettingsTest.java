package cn.chifeng.title.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** {@code title.retention}: defaults, short and ISO periods, and a bad value that stops the start naming it. */
class RetentionSettingsTest {
    @Configuration
    @EnableConfigurationProperties(RetentionSettings.class)
    @Import(RetentionPeriodConverter.class)
    static class Bound {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void defaultsKeepTheRegisterTenYearsAndRunAtHalfPastFour() {
        runner.run(c -> {
            RetentionSettings s = c.getBean(RetentionSettings.class);
            assertThat(s.applications()).isEqualTo(Period.ofYears(10));
            assertThat(s.reviewTrail()).isEqualTo(Period.ofYears(10));
            assertThat(s.materials()).isEqualTo(Period.ofYears(5));
            assertThat(s.notifications()).isEqualTo(Period.ofYears(2));
            assertThat(s.adminChanges()).isEqualTo(Period.ofYears(10));
            assertThat(s.cron()).isEqualTo("0 30 4 * * *");
            assertThat(s.batchSize()).isEqualTo(500);
            assertThat(s.scheduled()).isTrue();
        });
    }

    @Test
    void periodsAreShortOrIso() {
        runner.withPropertyValues("title.retention.materials=18m", "title.retention.notifications=P90D",
                "title.retention.cron=-").run(c -> {
                    RetentionSettings s = c.getBean(RetentionSettings.class);
                    assertThat(s.materials()).isEqualTo(Period.ofMonths(18));
                    assertThat(s.notifications()).isEqualTo(Period.ofDays(90));
                    assertThat(s.scheduled()).isFalse();
                });
    }

    @Test
    void anUnreadablePeriodStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("title.retention.materials=five years").run(c -> {
            assertThat(c).hasFailed();
            assertThat(messages(c.getStartupFailure())).contains("title.retention.materials")
                    .contains("保留期“five years”无效");
        });
    }

    @Test
    void aZeroPeriodATrailLongerThanItsApplicationAndADaytimeCronAreRefusedByName() {
        runner.withPropertyValues("title.retention.notifications=0d").run(c ->
                assertThat(messages(c.getStartupFailure())).contains("title.retention.notifications").contains("须大于 0"));
        runner.withPropertyValues("title.retention.review-trail=15y").run(c ->
                assertThat(messages(c.getStartupFailure())).contains("title.retention.review-trail（P15Y）不得长于 "
                        + "title.retention.applications（P10Y）"));
        runner.withPropertyValues("title.retention.objections=6y").run(c ->
                assertThat(messages(c.getStartupFailure())).contains("title.retention.objections（P6Y）不得长于 "
                        + "title.retention.publications"));
        runner.withPropertyValues("title.retention.cron=0 0 12 * * *").run(c ->
                assertThat(messages(c.getStartupFailure())).contains("title.retention.cron 须在夜间 01:00–05:00"));
        runner.withPropertyValues("title.retention.cron=every night").run(c ->
                assertThat(messages(c.getStartupFailure())).contains("title.retention.cron 不是有效的 cron 表达式"));
        runner.withPropertyValues("title.retention.batch-size=0").run(c ->
                assertThat(messages(c.getStartupFailure())).contains("title.retention.batch-size"));
    }

    @Test
    void theRecordRefusesWhatTheFileWouldToo() {
        assertThatThrownBy(() -> new RetentionSettings(null, null, null, Period.ofYears(-1), null, null, null, null,
                null, null)).hasMessageContaining("title.retention.applications");
    }
}
