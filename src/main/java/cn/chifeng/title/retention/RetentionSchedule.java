package cn.chifeng.title.retention;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Starts the clean-up every night on every node at {@code title.retention.cron} (China time, default 04:30, after the
 * engine's history cleanup has had its window from 01:00); the day's claim in {@code retention_run} lets only one
 * node run it. {@code title.retention.cron: "-"} switches it off (the tests start runs themselves).
 */
@Configuration
@EnableScheduling
class RetentionSchedule {
    private final RetentionCleanup cleanup;

    RetentionSchedule(RetentionCleanup cleanup) {
        this.cleanup = cleanup;
    }

    @Scheduled(cron = "${title.retention.cron:0 30 4 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        cleanup.runScheduled();
    }
}
