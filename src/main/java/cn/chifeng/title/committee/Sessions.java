package cn.chifeng.title.committee;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The register of evaluation sessions (EVA-3): plans, their applications under pseudonyms, draws and seats. */
@Repository
class Sessions {
    private final JdbcTemplate jdbc;

    Sessions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A session and its plan. */
    record Session(String id, String committee, int season, String series, String targetLevel, String specialty,
                   String evaluationGroup, LocalDate meetingDate, String place, String procedure, String measures,
                   int committeeSize, int reserveSize, String selfEvaluatingUnit, String approverGroup,
                   String confirmerGroup, SessionStatus status, OffsetDateTime filedAt, String returnReason,
                   String processInstanceId, String createdBy) {
    }

    /** An application of a session: its pseudonym (EVA-5), its employer (for 回避) and, after the vote, its outcome. */
    record Item(String applicationId, String pseudonym, String employerCode, String county, String quotaScope,
                boolean countsAgainstQuota, String outcome, Integer voteRank) {
    }

    /** A drawn expert: a member in a seat, a reserve in order, or one who declined. */
    record Seat(long expertId, int drawSeq, int position, String role, String status, String declineReason,
                Boolean attended) {
    }

    private static final String COLUMNS = "id, committee_group, season, series, target_level, specialty, "
            + "evaluation_group, meeting_date, place, procedure_text, measures, committee_size, reserve_size, "
            + "self_evaluating_unit, approver_group, confirmer_group, status, filed_at, return_reason, "
            + "process_instance_id, created_by";

    void insert(Session s, OffsetDateTime now) {
        jdbc.update("insert into evaluation_session (" + COLUMNS + ", created_at) values "
                        + "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", s.id(), s.committee(), s.season(),
                s.series(), s.targetLevel(), s.specialty(), s.evaluationGroup(), s.meetingDate(), s.place(),
                s.procedure(), s.measures(), s.committeeSize(), s.reserveSize(), s.selfEvaluatingUnit(),
                s.approverGroup(), s.confirmerGroup(), s.status().name(), s.filedAt(), s.returnReason(),
                s.processInstanceId(), s.createdBy(), now);
    }

    Optional<Session> find(String id) {
        return jdbc.query("select " + COLUMNS + " from evaluation_session where id = ?", (rs, n) -> new Session(
                rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getObject(8, LocalDate.class), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getInt(12), rs.getInt(13), rs.getString(14), rs.getString(15), rs.getString(16),
                SessionStatus.valueOf(rs.getString(17)), rs.getObject(18, OffsetDateTime.class), rs.getString(19),
                rs.getString(20), rs.getString(21)), id).stream().findFirst();
    }

    List<Session> ofCommittees(List<String> committees, boolean all) {
        String where = all ? "" : committees.isEmpty() ? " where 1 = 0"
                : " where committee_group in (" + String.join(",", committees.stream().map(c -> "?").toList())
                + ") or approver_group in (" + String.join(",", committees.stream().map(c -> "?").toList()) + ")";
        Object[] args = all ? new Object[0] : java.util.stream.Stream.concat(committees.stream(), committees.stream())
                .toArray();
        return jdbc.queryForList("select id from evaluation_session" + where + " order by meeting_date, id",
                String.class, args).stream().map(id -> find(id).orElseThrow()).toList();
    }

    void setStatus(String id, SessionStatus status) {
        jdbc.update("update evaluation_session set status = ? where id = ?", status.name(), id);
    }

    void setProcessInstance(String id, String processInstanceId) {
        jdbc.update("update evaluation_session set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    void updatePlan(String id, LocalDate meetingDate, String place, String procedure, String measures) {
        jdbc.update("update evaluation_session set meeting_date = ?, place = ?, procedure_text = ?, measures = ? "
                + "where id = ?", meetingDate, place, procedure, measures, id);
    }

    void filed(String id, OffsetDateTime at) {
        jdbc.update("update evaluation_session set status = ?, filed_at = ?, return_reason = null where id = ?",
                SessionStatus.FILED.name(), at, id);
    }

    void approved(String id, String user, OffsetDateTime at) {
        jdbc.update("update evaluation_session set status = ?, approved_by = ?, approved_at = ? where id = ?",
                SessionStatus.APPROVED.name(), user, at, id);
    }

    void returned(String id, String reason) {
        jdbc.update("update evaluation_session set status = ?, return_reason = ? where id = ?",
                SessionStatus.RETURNED.name(), reason, id);
    }

    void closed(String id, int attending, OffsetDateTime at) {
        jdbc.update("update evaluation_session set status = ?, attending = ?, closed_at = ? where id = ?",
                SessionStatus.CLOSED.name(), attending, at, id);
    }

    void addItem(String sessionId, String applicationId, String pseudonym, String employerCode, String county,
                 String quotaScope, boolean countsAgainstQuota) {
        jdbc.update("insert into session_application (session_id, application_id, pseudonym, employer_code, county, "
                + "quota_scope, counts_against_quota) values (?,?,?,?,?,?,?)", sessionId, applicationId, pseudonym,
                employerCode, county, quotaScope, countsAgainstQuota);
    }

    List<Item> items(String sessionId) {
        return jdbc.query("select application_id, pseudonym, employer_code, county, quota_scope, "
                        + "counts_against_quota, outcome, vote_rank from session_application where session_id = ? "
                        + "order by pseudonym",
                (rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7), (Integer) rs.getObject(8)), sessionId);
    }

    /** The application of the session under this pseudonym. */
    Optional<Item> item(String sessionId, String pseudonym) {
        return items(sessionId).stream().filter(i -> i.pseudonym().equals(pseudonym)).findFirst();
    }

    void setOutcome(String sessionId, String applicationId, String outcome, Integer rank) {
        jdbc.update("update session_application set outcome = ?, vote_rank = ? where session_id = ? "
                + "and application_id = ?", outcome, rank, sessionId, applicationId);
    }

    /** The open session (not closed or ended) that holds the application, if any. */
    Optional<String> openSessionOf(String applicationId) {
        return jdbc.queryForList("select s.id from session_application a join evaluation_session s "
                        + "on s.id = a.session_id where a.application_id = ? and a.outcome is null and s.status <> ?",
                String.class, applicationId, SessionStatus.CANCELLED.name()).stream().findFirst();
    }

    int nextDrawSeq(String sessionId) {
        Integer max = jdbc.queryForObject("select max(seq) from expert_draw where session_id = ?", Integer.class,
                sessionId);
        return max == null ? 1 : max + 1;
    }

    void recordDraw(String sessionId, int seq, ExpertDraw.Result r, String reason, String user, OffsetDateTime at) {
        jdbc.update("insert into expert_draw (session_id, seq, generator, seed, pool_hash, pool_size, reason, "
                + "drawn_by, drawn_at) values (?,?,?,?,?,?,?,?,?)", sessionId, seq, r.generator(), r.seed(),
                r.poolHash(), r.poolSize(), reason, user, at);
        jdbc.update("delete from session_expert where session_id = ?", sessionId);
        int position = 0;
        for (ExpertDraw.Candidate c : r.members()) {
            jdbc.update("insert into session_expert (session_id, expert_id, draw_seq, position, role, status) "
                    + "values (?,?,?,?,?,?)", sessionId, c.id(), seq, position++, "MEMBER", "INVITED");
        }
        for (ExpertDraw.Candidate c : r.reserve()) {
            jdbc.update("insert into session_expert (session_id, expert_id, draw_seq, position, role, status) "
                    + "values (?,?,?,?,?,?)", sessionId, c.id(), seq, position++, "RESERVE", "WAITING");
        }
    }

    /** A draw as recorded: enough to replay it. */
    record Draw(int seq, String generator, String seed, String poolHash, int poolSize, String reason, String drawnBy,
                OffsetDateTime drawnAt) {
    }

    List<Draw> draws(String sessionId) {
        return jdbc.query("select seq, generator, seed, pool_hash, pool_size, reason, drawn_by, drawn_at "
                + "from expert_draw where session_id = ? order by seq", (rs, n) -> new Draw(rs.getInt(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class)), sessionId);
    }

    List<Seat> seats(String sessionId) {
        return jdbc.query("select expert_id, draw_seq, position, role, status, decline_reason, attended "
                        + "from session_expert where session_id = ? order by position",
                (rs, n) -> new Seat(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), (Boolean) rs.getObject(7)), sessionId);
    }

    void setSeat(String sessionId, long expertId, String role, int position, String status, String declineReason) {
        jdbc.update("update session_expert set role = ?, position = ?, status = ?, decline_reason = ? "
                + "where session_id = ? and expert_id = ?", role, position, status, declineReason, sessionId, expertId);
    }

    void setAttended(String sessionId, long expertId, boolean attended) {
        jdbc.update("update session_expert set attended = ? where session_id = ? and expert_id = ?", attended,
                sessionId, expertId);
    }
}
