package cn.chifeng.title.account;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.chifeng.title.common.Zones;

/** 身份证号 disputes (table {@code id_dispute}): open while {@code outcome} is null. */
@Repository
class IdDisputes {
    private static final RowMapper<Dispute> MAPPER = (rs, i) -> new Dispute(rs.getLong("id"),
            rs.getString("id_number"), rs.getString("disputed_user_id"), rs.getString("claimant_name"),
            rs.getString("claimant_phone"), rs.getString("claimant_email"), rs.getString("county"),
            rs.getString("statement"), at(rs.getObject("filed_at", OffsetDateTime.class)), rs.getString("outcome"),
            rs.getString("outcome_note"), rs.getString("resolved_by"),
            at(rs.getObject("resolved_at", OffsetDateTime.class)), rs.getString("process_instance_id"));

    private final JdbcTemplate jdbc;

    IdDisputes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime at(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(Zones.CHINA).toOffsetDateTime();
    }

    long insert(String idNumber, String disputedUserId, String claimantName, String claimantPhone,
                String claimantEmail, String county, String statement, OffsetDateTime filedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into id_dispute (id_number, disputed_user_id, claimant_name, "
                    + "claimant_phone, claimant_email, county, statement, filed_at) values (?,?,?,?,?,?,?,?)",
                    new String[] {"id"});
            ps.setString(1, idNumber);
            ps.setString(2, disputedUserId);
            ps.setString(3, claimantName);
            ps.setString(4, claimantPhone);
            ps.setString(5, claimantEmail);
            ps.setString(6, county);
            ps.setString(7, statement);
            ps.setObject(8, filedAt);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    void processStarted(long id, String processInstanceId) {
        jdbc.update("update id_dispute set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    Optional<Dispute> find(long id) {
        return jdbc.query("select * from id_dispute where id = ?", MAPPER, id).stream().findFirst();
    }

    /** The open dispute of a 身份证号, if any. */
    Optional<Dispute> openFor(String idNumber) {
        return jdbc.query("select * from id_dispute where id_number = ? and outcome is null", MAPPER, idNumber)
                .stream().findFirst();
    }

    /** Records the outcome of an open dispute; false when it was already resolved. */
    boolean resolve(long id, String outcome, String note, String by, OffsetDateTime at) {
        return jdbc.update("update id_dispute set outcome = ?, outcome_note = ?, resolved_by = ?, resolved_at = ? "
                + "where id = ? and outcome is null", outcome, note, by, at, id) == 1;
    }

    /** One dispute; {@code outcome} null while open. */
    record Dispute(long id, String idNumber, String disputedUserId, String claimantName, String claimantPhone,
                   String claimantEmail, String county, String statement, OffsetDateTime filedAt, String outcome,
                   String outcomeNote, String resolvedBy, OffsetDateTime resolvedAt, String processInstanceId) {
    }
}
