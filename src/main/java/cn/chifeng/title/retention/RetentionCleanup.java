package cn.chifeng.title.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.chifeng.title.audit.AdminChanges;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.retention.RetentionRecords.After;
import cn.chifeng.title.retention.RetentionRecords.Batch;
import cn.chifeng.title.retention.RetentionSettings.Kind;

/**
 * Removes the product's records past their retention ({@link RetentionSettings}), only of applications whose
 * process has ended, in batches of {@code batch-size} ids, each batch in a transaction of its own; stops after
 * {@code max-duration} and goes on at the next run. Every run is a row of {@code retention_run}, a log line and —
 * when it removed anything or an administrator started it — an entry of the admin change log (SUP-2).
 */
@Service
class RetentionCleanup {
    private static final Logger log = LoggerFactory.getLogger(RetentionCleanup.class);

    /** Tables that hang on an application, removed before its register row, and the kind each counts for. */
    private static final List<Map.Entry<String, Kind>> OF_AN_APPLICATION = List.of(
            Map.entry("objection", Kind.OBJECTIONS), Map.entry("publication_item", Kind.APPLICATIONS),
            Map.entry("correction_notice", Kind.APPLICATIONS), Map.entry("session_application", Kind.APPLICATIONS),
            Map.entry("material", Kind.MATERIALS), Map.entry("review_step", Kind.REVIEW_TRAIL),
            Map.entry("notification", Kind.NOTIFICATIONS));

    private final RetentionRecords records;
    private final RetentionSettings settings;
    private final TransactionTemplate transaction;
    private final AdminChanges changes;
    private final Clock clock;

    RetentionCleanup(RetentionRecords records, RetentionSettings settings, TransactionTemplate transaction,
                     AdminChanges changes, Clock clock) {
        this.records = records;
        this.settings = settings;
        this.transaction = transaction;
        this.changes = changes;
        this.clock = clock;
    }

    /** What a run removed. */
    record Result(long runId, boolean complete, Map<Kind, Long> removed) {
        long total() {
            return removed.values().stream().mapToLong(Long::longValue).sum();
        }

        /** E.g. "删除 申报记录 3 条、审核记录 12 条"; "无到期记录" when nothing was due. */
        String summary() {
            String parts = removed.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey().label() + " " + e.getValue() + " 条").collect(Collectors.joining("、"));
            String text = parts.isEmpty() ? "无到期记录" : "删除 " + parts;
            return complete ? text : text + "（未完成，下次继续）";
        }
    }

    /**
     * The nightly run of the day (China time): claims the day in {@code retention_run}, so that of several nodes
     * only the first runs it; empty when the day was already claimed.
     */
    Optional<Result> runScheduled() {
        LocalDate day = Zones.now(clock).toLocalDate();
        long id;
        try {
            id = transaction.execute(s -> records.insertRun(day, "system", Zones.now(clock)));
        } catch (DuplicateKeyException taken) {
            log.info("数据保留期清理：{} 的清理已由其他节点运行", day);
            return Optional.empty();
        }
        return Optional.of(run(id, false));
    }

    /** A run an administrator starts now (no day claimed). */
    Result runNow(String administrator) {
        long id = transaction.execute(s -> records.insertRun(null, administrator, Zones.now(clock)));
        return run(id, true);
    }

    private Result run(long runId, boolean always) {
        OffsetDateTime now = Zones.now(clock);
        long deadline = System.nanoTime() + settings.maxDuration().toNanos();
        Supplier<Boolean> inTime = () -> System.nanoTime() < deadline;
        Map<Kind, Long> removed = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            removed.put(k, 0L);
        }
        int size = settings.batchSize();
        boolean complete =
                applications(now.minus(settings.applications()), size, removed, inTime)
                && ofEndedApplications("review_step", Kind.REVIEW_TRAIL, now.minus(settings.reviewTrail()), size,
                        removed, inTime)
                && ofEndedApplications("material", Kind.MATERIALS, now.minus(settings.materials()), size, removed,
                        inTime)
                && ofEndedApplications("notification", Kind.NOTIFICATIONS, now.minus(settings.notifications()), size,
                        removed, inTime)
                && byIds(() -> records.notificationsWithoutApplication(now.minus(settings.notifications()), size),
                        "notification", Kind.NOTIFICATIONS, size, removed, inTime)
                && ofEndedApplications("objection", Kind.OBJECTIONS, now.minus(settings.objections()), size, removed,
                        inTime)
                && publications(now.toLocalDate().minus(settings.publications()), size, removed, inTime)
                && byIds(() -> records.adminChanges(now.minus(settings.adminChanges()), size), "admin_change",
                        Kind.ADMIN_CHANGES, size, removed, inTime);
        Result result = new Result(runId, complete, removed);
        Map<String, Long> detail = new LinkedHashMap<>();
        removed.forEach((k, n) -> detail.put(k.name(), n));
        transaction.executeWithoutResult(s -> {
            records.finishRun(runId, Zones.now(clock), complete, json(detail));
            if (always || result.total() > 0) {
                changes.record(AdminChanges.Subject.RETENTION, String.valueOf(runId), result.summary(), detail);
            }
        });
        log.info("数据保留期清理（第 {} 次）：{}", runId, result.summary());
        return result;
    }

    private static String json(Map<String, Long> detail) {
        return detail.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Register rows of ended applications that are not results, with everything that hangs on them. */
    private boolean applications(OffsetDateTime cutoff, int size, Map<Kind, Long> removed, Supplier<Boolean> inTime) {
        After after = After.START;
        while (inTime.get()) {
            Batch batch = records.endedApplications(null, cutoff, after, size);
            if (batch.ids().isEmpty()) {
                return true;
            }
            transaction.executeWithoutResult(s -> {
                for (Map.Entry<String, Kind> t : OF_AN_APPLICATION) {
                    add(removed, t.getValue(), records.deleteWhereIn(t.getKey(), "application_id", batch.ids()));
                }
                add(removed, Kind.APPLICATIONS, records.deleteWhereIn("application", "id", batch.ids()));
            });
            after = batch.last();
            if (batch.ids().size() < size) {
                return true;
            }
        }
        return false;
    }

    /** The rows of {@code table} of ended applications (results included) last changed before {@code cutoff}. */
    private boolean ofEndedApplications(String table, Kind kind, OffsetDateTime cutoff, int size,
                                        Map<Kind, Long> removed, Supplier<Boolean> inTime) {
        After after = After.START;
        while (inTime.get()) {
            Batch batch = records.endedApplications(table, cutoff, after, size);
            if (batch.ids().isEmpty()) {
                return true;
            }
            transaction.executeWithoutResult(s ->
                    add(removed, kind, records.deleteWhereIn(table, "application_id", batch.ids())));
            after = batch.last();
            if (batch.ids().size() < size) {
                return true;
            }
        }
        return false;
    }

    /** Ended notices with their items and objections. */
    private boolean publications(LocalDate cutoff, int size, Map<Kind, Long> removed, Supplier<Boolean> inTime) {
        while (inTime.get()) {
            List<String> ids = records.endedPublications(cutoff, size);
            if (ids.isEmpty()) {
                return true;
            }
            transaction.executeWithoutResult(s -> {
                add(removed, Kind.OBJECTIONS, records.deleteWhereIn("objection", "publication_id", ids));
                records.deleteWhereIn("publication_item", "publication_id", ids);
                add(removed, Kind.PUBLICATIONS, records.deleteWhereIn("publication", "id", ids));
            });
            if (ids.size() < size) {
                return true;
            }
        }
        return false;
    }

    /** Rows of {@code table} by id, as {@code due} finds them, until none is left. */
    private boolean byIds(Supplier<List<Long>> due, String table, Kind kind, int size, Map<Kind, Long> removed,
                          Supplier<Boolean> inTime) {
        while (inTime.get()) {
            List<Long> ids = due.get();
            if (ids.isEmpty()) {
                return true;
            }
            transaction.executeWithoutResult(s -> add(removed, kind, records.deleteWhereIn(table, "id", ids)));
            if (ids.size() < size) {
                return true;
            }
        }
        return false;
    }

    private static void add(Map<Kind, Long> removed, Kind kind, int n) {
        removed.merge(kind, (long) n, Long::sum);
    }

    List<RetentionRecords.Run> latestRuns(int limit) {
        return records.latestRuns(limit);
    }

    RetentionSettings settings() {
        return settings;
    }
}
