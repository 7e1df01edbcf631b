package cn.chifeng.title.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole product: the engine's (which fires the timers), read in Asia/Shanghai whatever the
 * machine's zone. Setting the engine clock ({@code ClockUtil}) moves the business dates with the timers.
 */
@Configuration
class TimeConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock seasonClock() {
        return new EngineClock();
    }

    /** The engine's clock as a {@link Clock} in China time. */
    static final class EngineClock extends Clock {
        @Override
        public ZoneId getZone() {
            return Zones.CHINA;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
