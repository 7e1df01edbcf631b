package cn.chifeng.title.retention;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.chifeng.title.application.ApplicationStatus;

/**
 * The product's records the clean-up removes, over the tables of their features (register, trail, materials,
 * notifications, notices, the admin change log): which are due, and their removal in batches of ids. Never touched:
 * {@code certificate}, {@code credit_violation}, {@code policy_use}, the register rows of passed applications.
 */
@Repository
class RetentionRecords {
    /**
     * An application that has ended: a final status (or a draft, which never had a process) and no process instance
     * left in the engine's runtime — whatever its status says, one whose instance still runs is kept.
     */
    private static final String ENDED = "(a.status in (" + Arrays.stream(ApplicationStatus.values())
            .filter(s -> s.isFinal() || s == ApplicationStatus.DRAFT).map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(",")) + ") and (a.process_instance_id is null or not exists "
            + "(select 1 from act_ru_execution e where e.proc_inst_id_ = a.process_instance_id)))";
    /** Results are kept: a passed application, or one with a certificate (revoked ones included). */
    private static final String NOT_A_RESULT = "a.status not in ('PASSED','CERTIFIED') and not exists "
            + "(select 1 from certificate c where c.application_id = a.id)";

    private final JdbcTemplate jdbc;

    RetentionRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a batch of ended applications stopped: the next one starts after it (keyset, oldest first). */
    record After(OffsetDateTime updatedAt, String id) {
        static final After START = new After(null, null);
    }

    /** A batch of ended applications last changed before {@code cutoff}, in order. */
    record Batch(List<String> ids, After last) {
    }

    /**
     * Ended applications last changed before {@code cutoff} that still have rows in {@code table} (null: any ended
     * application that is not a result, for the register itself), after {@code after}.
     */
    Batch endedApplications(String table, OffsetDateTime cutoff, After after, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select a.id, a.updated_at from application a where a.updated_at < ? and ")
                .append(ENDED);
        args.add(cutoff);
        if (table == null) {
            sql.append(" and ").append(NOT_A_RESULT);
        } else {
            sql.append(" and exists (select 1 from ").append(table).append(" t where t.application_id = a.id)");
        }
        if (after.updatedAt() != null) {
            sql.append(" and (a.updated_at > ? or (a.updated_at = ? and a.id > ?))");
            args.add(after.updatedAt());
            args.add(after.updatedAt());
            args.add(after.id());
        }
        sql.append(" order by a.updated_at, a.id limit ?");
        args.add(limit);
        List<String> ids = new ArrayList<>();
        OffsetDateTime[] last = new OffsetDateTime[1];
        jdbc.query(sql.toString(), rs -> {
            ids.add(rs.getString("id"));
            last[0] = rs.getObject("updated_at", OffsetDateTime.class);
        }, args.toArray());
        return new Batch(ids, ids.isEmpty() ? after : new After(last[0], ids.get(ids.size() - 1)));
    }

    /** Rows of {@code table} whose {@code column} is one of {@code ids}; how many went. */
    int deleteWhereIn(String table, String column, List<?> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.update("delete from " + table + " where " + column + " in (" + marks(ids.size()) + ")",
                ids.toArray());
    }

    /** Ended publications (notices) whose period ended before {@code cutoff}, their process gone, oldest first. */
    List<String> endedPublications(LocalDate cutoff, int limit) {
        return jdbc.queryForList("select p.id from publication p where p.ended = true and p.end_date < ? and "
                + "(p.process_instance_id is null or not exists (select 1 from act_ru_execution e "
                + "where e.proc_inst_id_ = p.process_instance_id)) order by p.end_date, p.id limit ?", String.class,
                cutoff, limit);
    }

    /** Notifications of no application (account mails) created before {@code cutoff}. */
    List<Long> notificationsWithoutApplication(OffsetDateTime cutoff, int limit) {
        return jdbc.queryForList("select id from notification where application_id is null and created_at < ? "
                + "order by id limit ?", Long.class, cutoff, limit);
    }

    /** Admin change log entries made before {@code cutoff}. */
    List<Long> adminChanges(OffsetDateTime cutoff, int limit) {
        return jdbc.queryForList("select id from admin_change where changed_at < ? order by id limit ?", Long.class,
                cutoff, limit);
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    // --- the runs ---

    /** A run's row and its id; a scheduled run claims its day (a {@code DuplicateKeyException} if another node has). */
    long insertRun(LocalDate scheduledDay, String startedBy, OffsetDateTime at) {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into retention_run (scheduled_day, started_by, started_at) "
                    + "values (?,?,?)", new String[] {"id"});
            ps.setObject(1, scheduledDay);
            ps.setString(2, startedBy);
            ps.setObject(3, at);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    void finishRun(long id, OffsetDateTime at, boolean complete, String removed) {
        jdbc.update("update retention_run set finished_at = ?, complete = ?, removed = ? where id = ?", at, complete,
                removed, id);
    }

    /** A run as listed. */
    record Run(long id, LocalDate scheduledDay, String startedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt,
               boolean complete, String removed) {
    }

    List<Run> latestRuns(int limit) {
        return jdbc.query("select * from retention_run order by id desc limit ?", (rs, i) -> new Run(rs.getLong("id"),
                rs.getObject("scheduled_day", LocalDate.class), rs.getString("started_by"),
                at(rs.getObject("started_at", OffsetDateTime.class)), at(rs.getObject("finished_at", OffsetDateTime.class)),
                rs.getBoolean("complete"), rs.getString("removed")), limit);
    }

    private static OffsetDateTime at(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(cn.chifeng.title.common.Zones.CHINA).toOffsetDateTime();
    }
}
