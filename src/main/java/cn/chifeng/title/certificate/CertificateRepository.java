package cn.chifeng.title.certificate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.chifeng.title.common.Zones;

/** The certificates (table {@code certificate}). */
@Repository
class CertificateRepository {
    private static final String COLUMNS = "number, application_id, holder_name, series, target_level, title_name, "
            + "specialty, committee_group, season, session_id, passed_on, issued_at, revoked_at, revoked_reason, "
            + "revoked_by";

    private final JdbcTemplate jdbc;

    CertificateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Certificate c) {
        jdbc.update("insert into certificate (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                c.number(), c.applicationId(), c.holderName(), c.series(), c.targetLevel(), c.titleName(),
                c.specialty(), c.committeeGroup(), c.season(), c.sessionId(), c.passedOn(), c.issuedAt(),
                c.revokedAt(), c.revokedReason(), c.revokedBy());
    }

    Optional<Certificate> find(String number) {
        return jdbc.query("select " + COLUMNS + " from certificate where number = ?", CertificateRepository::map,
                number).stream().findFirst();
    }

    Optional<Certificate> forApplication(String applicationId) {
        return jdbc.query("select " + COLUMNS + " from certificate where application_id = ?",
                CertificateRepository::map, applicationId).stream().findFirst();
    }

    /** Marks it revoked unless it already is; false when it was. */
    boolean revoke(String number, OffsetDateTime at, String reason, String by) {
        return jdbc.update("update certificate set revoked_at = ?, revoked_reason = ?, revoked_by = ? "
                + "where number = ? and revoked_at is null", at, reason, by, number) == 1;
    }

    private static Certificate map(ResultSet rs, int i) throws SQLException {
        OffsetDateTime revokedAt = rs.getObject("revoked_at", OffsetDateTime.class);
        return new Certificate(rs.getString("number"), rs.getString("application_id"), rs.getString("holder_name"),
                rs.getString("series"), rs.getString("target_level"), rs.getString("title_name"),
                rs.getString("specialty"), rs.getString("committee_group"), rs.getInt("season"),
                rs.getString("session_id"), rs.getObject("passed_on", java.time.LocalDate.class),
                china(rs.getObject("issued_at", OffsetDateTime.class)), china(revokedAt),
                rs.getString("revoked_reason"), rs.getString("revoked_by"));
    }

    private static OffsetDateTime china(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(Zones.CHINA).toOffsetDateTime();
    }
}
