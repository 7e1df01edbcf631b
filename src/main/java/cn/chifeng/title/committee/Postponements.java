package cn.chifeng.title.committee;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Written postponements (延期评审备案, SEA-5, EVA-8) of a session (table {@code postponement}): filed by the office,
 * in effect only once the HR department accepted it.
 */
@Repository
class Postponements {
    private final JdbcTemplate jdbc;

    Postponements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A postponement as filed and decided. */
    record Postponement(long id, String sessionId, String reason, LocalDate until, String status) {
    }

    long file(Sessions.Session s, String reason, LocalDate until, String user, OffsetDateTime at) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into postponement (season, committee_group, reason, until_date, "
                    + "filed_by, filed_at, session_id, status) values (?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setInt(1, s.season());
            ps.setString(2, s.committee());
            ps.setString(3, reason);
            ps.setObject(4, until);
            ps.setString(5, user);
            ps.setObject(6, at);
            ps.setString(7, s.id());
            ps.setString(8, "FILED");
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    void decide(long id, boolean accepted, String user, String comment, OffsetDateTime at) {
        jdbc.update("update postponement set status = ?, decided_by = ?, decided_at = ?, decision_comment = ? "
                + "where id = ?", accepted ? "ACCEPTED" : "REFUSED", user, at, comment, id);
    }

    Optional<Postponement> find(long id) {
        return jdbc.query("select id, session_id, reason, until_date, status from postponement where id = ?",
                (rs, n) -> new Postponement(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5)), id).stream().findFirst();
    }

    /** The accepted postponement of a session, if any (the latest date). */
    Optional<LocalDate> acceptedUntil(String sessionId) {
        return Optional.ofNullable(jdbc.queryForObject("select max(until_date) from postponement where session_id = ? "
                + "and status = 'ACCEPTED'", LocalDate.class, sessionId));
    }

    boolean pending(String sessionId) {
        Integer n = jdbc.queryForObject("select count(*) from postponement where session_id = ? and status = 'FILED'",
                Integer.class, sessionId);
        return n != null && n > 0;
    }
}
