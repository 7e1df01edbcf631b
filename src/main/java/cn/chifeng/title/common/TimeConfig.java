package cn.chifeng.title.common;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** All dates of the season are Asia/Shanghai dates, whatever the machine's zone; tests replace the clock. */
@Configuration
class TimeConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock seasonClock() {
        return Clock.system(Zones.CHINA);
    }
}
