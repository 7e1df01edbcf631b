package cn.chifeng.title.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The product reads the engine's clock, in China time. */
class EngineClockTest {

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void followsTheEngineClockInChinaTime() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-07-02T16:30:00Z")));
        TimeConfig.EngineClock clock = new TimeConfig.EngineClock();

        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-07-02T16:30:00Z"));
        // 00:30 on 07-03 in China, though still 07-02 in UTC
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2025, 7, 3));
    }
}
