package cn.chifeng.title.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.chifeng.title.common.Zones;

/** Profiles (tables {@code applicant_profile}, {@code profile_title}, {@code profile_work}). */
@Repository
class Profiles {
    private final JdbcTemplate jdbc;

    Profiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Profile> find(String userId) {
        return jdbc.query("select * from applicant_profile where user_id = ?", (rs, i) -> row(rs), userId).stream()
                .findFirst();
    }

    private Profile row(ResultSet rs) throws SQLException {
        String user = rs.getString("user_id");
        List<Profile.Title> titles = jdbc.query("select * from profile_title where user_id = ? order by position",
                (t, i) -> new Profile.Title(t.getString("title_level"), t.getString("series"),
                        t.getObject("obtained_on", LocalDate.class), t.getString("certificate_no")), user);
        List<Profile.WorkPeriod> work = jdbc.query("select * from profile_work where user_id = ? order by position",
                (w, i) -> new Profile.WorkPeriod(w.getObject("date_from", LocalDate.class),
                        w.getObject("date_to", LocalDate.class), w.getString("organisation"), w.getString("post"),
                        w.getString("service_place")), user);
        return new Profile(user, rs.getString("education"), rs.getObject("graduation_date", LocalDate.class),
                rs.getObject("work_start_date", LocalDate.class), rs.getString("employer_code"), rs.getString("county"),
                rs.getString("verification_target"), rs.getString("verifier_group"),
                Profile.Status.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getString("verified_for"), rs.getInt("verification_no"), rs.getString("process_instance_id"),
                rs.getString("decided_by"), at(rs.getObject("decided_at", OffsetDateTime.class)),
                at(rs.getObject("updated_at", OffsetDateTime.class)), titles, work);
    }

    private static OffsetDateTime at(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(Zones.CHINA).toOffsetDateTime();
    }

    /**
     * Saves the content as a new verification request (PENDING, nothing verified any more: the verifier vouches for
     * what it saw); returns the request's number.
     */
    int saveForVerification(String userId, Profile.Content c, String verifierGroup, OffsetDateTime now) {
        String target = Profile.target(c.employerCode(), c.county());
        int updated = jdbc.update("update applicant_profile set education = ?, graduation_date = ?, work_start_date = ?, "
                + "employer_code = ?, county = ?, verification_target = ?, verifier_group = ?, status = 'PENDING', "
                + "status_reason = null, verified_for = null, verification_no = verification_no + 1, "
                + "process_instance_id = null, decided_by = null, decided_at = null, updated_at = ? where user_id = ?",
                c.education(), c.graduationDate(), c.workStartDate(), c.employerCode(), c.county(), target,
                verifierGroup, now, userId);
        if (updated == 0) {
            jdbc.update("insert into applicant_profile (user_id, education, graduation_date, work_start_date, "
                    + "employer_code, county, verification_target, verifier_group, status, verification_no, updated_at) "
                    + "values (?,?,?,?,?,?,?,?,'PENDING',1,?)", userId, c.education(), c.graduationDate(),
                    c.workStartDate(), c.employerCode(), c.county(), target, verifierGroup, now);
        }
        jdbc.update("delete from profile_title where user_id = ?", userId);
        jdbc.update("delete from profile_work where user_id = ?", userId);
        for (int i = 0; i < c.titles().size(); i++) {
            Profile.Title t = c.titles().get(i);
            jdbc.update("insert into profile_title (user_id, position, title_level, series, obtained_on, certificate_no) "
                    + "values (?,?,?,?,?,?)", userId, i, t.level(), t.series(), t.obtainedOn(), t.certificateNo());
        }
        for (int i = 0; i < c.work().size(); i++) {
            Profile.WorkPeriod w = c.work().get(i);
            jdbc.update("insert into profile_work (user_id, position, date_from, date_to, organisation, post, "
                    + "service_place) values (?,?,?,?,?,?,?)", userId, i, w.from(), w.to(), w.organisation(), w.post(),
                    w.place());
        }
        return jdbc.queryForObject("select verification_no from applicant_profile where user_id = ?", Integer.class,
                userId);
    }

    void processStarted(String userId, String processInstanceId) {
        jdbc.update("update applicant_profile set process_instance_id = ? where user_id = ?", processInstanceId, userId);
    }

    /** Records the decision on request {@code no}; false when it is not the pending request any more. */
    boolean decide(String userId, int no, boolean verified, String reason, String by, OffsetDateTime at) {
        return jdbc.update("update applicant_profile set status = ?, status_reason = ?, verified_for = "
                + (verified ? "verification_target" : "null") + ", decided_by = ?, decided_at = ?, updated_at = ? "
                + "where user_id = ? and verification_no = ? and status = 'PENDING'",
                verified ? "VERIFIED" : "REJECTED", reason, by, at, at, userId, no) == 1;
    }

    /** How many profiles wait for verification by one of the groups (a unit's clerk sees the figure on the portal). */
    long pendingFor(java.util.Collection<String> verifierGroups) {
        if (verifierGroups.isEmpty()) {
            return 0;
        }
        Long n = jdbc.queryForObject("select count(*) from applicant_profile where status = 'PENDING' and verifier_group in ("
                + String.join(",", java.util.Collections.nCopies(verifierGroups.size(), "?")) + ")", Long.class,
                verifierGroups.toArray());
        return n == null ? 0 : n;
    }
}
