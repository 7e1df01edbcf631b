package cn.chifeng.title.retention;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;

/**
 * {@code title.retention.*}: how long the product keeps its own records once an application has ended, and when the
 * nightly clean-up runs. Periods are counted from the application's end (its last change) for what belongs to an
 * application, and from the record's own date otherwise. Results and certificates of passed applications (the
 * register row of a PASSED or CERTIFIED application and its {@code certificate}) are kept indefinitely: a certificate
 * must stay verifiable by its number; nor is the credit archive nor the once-only policy ledger removed (ELI-11,
 * ELI-4). Checked at start: a bad value stops the start with a Chinese message naming the property.
 */
@ConfigurationProperties("title.retention")
record RetentionSettings(String cron, Integer batchSize, Duration maxDuration, Period applications,
                         Period reviewTrail, Period materials, Period notifications, Period objections,
                         Period publications, Period adminChanges) {
    /** What the clean-up removes, each with its property and Chinese label. */
    enum Kind {
        APPLICATIONS("applications", "申报记录"),
        REVIEW_TRAIL("review-trail", "审核记录"),
        MATERIALS("materials", "申报材料文件"),
        NOTIFICATIONS("notifications", "通知消息"),
        OBJECTIONS("objections", "公示异议"),
        PUBLICATIONS("publications", "公示"),
        ADMIN_CHANGES("admin-changes", "管理变更记录");

        private final String property;
        private final String label;

        Kind(String property, String label) {
            this.property = property;
            this.label = label;
        }

        String property() {
            return "title.retention." + property;
        }

        String label() {
            return label;
        }
    }

    static final String DISABLED = "-";

    RetentionSettings {
        cron = cron == null || cron.isBlank() ? "0 30 4 * * *" : cron.trim();
        batchSize = batchSize == null ? 500 : batchSize;
        maxDuration = maxDuration == null ? Duration.ofMinutes(25) : maxDuration;
        applications = orDefault(applications, Period.ofYears(10));
        reviewTrail = orDefault(reviewTrail, Period.ofYears(10));
        materials = orDefault(materials, Period.ofYears(5));
        notifications = orDefault(notifications, Period.ofYears(2));
        objections = orDefault(objections, Period.ofYears(5));
        publications = orDefault(publications, Period.ofYears(5));
        adminChanges = orDefault(adminChanges, Period.ofYears(10));
        checkCron(cron);
        if (batchSize < 1 || batchSize > 5000) {
            throw new IllegalArgumentException("title.retention.batch-size 须在 1 到 5000 之间：" + batchSize);
        }
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("title.retention.max-duration 须大于 0：" + maxDuration);
        }
        Map<Kind, Period> all = periods(applications, reviewTrail, materials, notifications, objections, publications,
                adminChanges);
        all.forEach((kind, period) -> {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(kind.property() + "（" + kind.label() + "的保留期）须大于 0："
                        + period);
            }
        });
        // what belongs to an application goes with its register row: it cannot be kept longer than the row
        for (Kind k : new Kind[] {Kind.REVIEW_TRAIL, Kind.MATERIALS, Kind.OBJECTIONS}) {
            if (longer(all.get(k), applications)) {
                throw new IllegalArgumentException(k.property() + "（" + all.get(k) + "）不得长于 "
                        + Kind.APPLICATIONS.property() + "（" + applications + "）：删除申报记录时" + k.label()
                        + "一并删除");
            }
        }
        if (longer(objections, publications)) {
            throw new IllegalArgumentException(Kind.OBJECTIONS.property() + "（" + objections + "）不得长于 "
                    + Kind.PUBLICATIONS.property() + "（" + publications + "）：删除公示时其异议一并删除");
        }
    }

    private static Period orDefault(Period value, Period fallback) {
        return value == null ? fallback : value;
    }

    /** Whether {@code a} reaches further back than {@code b} from the same day. */
    private static boolean longer(Period a, Period b) {
        LocalDateTime day = LocalDateTime.of(2000, 1, 1, 0, 0);
        return day.minus(a).isBefore(day.minus(b));
    }

    /** A Spring cron (six fields) whose runs start at night, 01:00–04:59 China time; "-" switches the job off. */
    private static void checkCron(String cron) {
        if (DISABLED.equals(cron)) {
            return;
        }
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("title.retention.cron 不是有效的 cron 表达式（秒 分 时 日 月 周，如 "
                    + "“0 30 4 * * *”）：" + cron);
        }
        CronExpression expression = CronExpression.parse(cron);
        LocalDateTime next = LocalDateTime.of(2025, 1, 1, 0, 0);
        for (int i = 0; i < 50; i++) {
            next = expression.next(next);
            if (next == null) {
                break;
            }
            if (next.getHour() < 1 || next.getHour() > 4) {
                throw new IllegalArgumentException("title.retention.cron 须在夜间 01:00–05:00（北京时间）之间运行："
                        + cron + " 会在 " + next.toLocalTime() + " 运行");
            }
        }
    }

    private static Map<Kind, Period> periods(Period applications, Period reviewTrail, Period materials,
                                             Period notifications, Period objections, Period publications,
                                             Period adminChanges) {
        Map<Kind, Period> all = new LinkedHashMap<>();
        all.put(Kind.APPLICATIONS, applications);
        all.put(Kind.REVIEW_TRAIL, reviewTrail);
        all.put(Kind.MATERIALS, materials);
        all.put(Kind.NOTIFICATIONS, notifications);
        all.put(Kind.OBJECTIONS, objections);
        all.put(Kind.PUBLICATIONS, publications);
        all.put(Kind.ADMIN_CHANGES, adminChanges);
        return all;
    }

    /** Each kind's period, in the order above. */
    Map<Kind, Period> periods() {
        return periods(applications, reviewTrail, materials, notifications, objections, publications, adminChanges);
    }

    boolean scheduled() {
        return !DISABLED.equals(cron);
    }
}
