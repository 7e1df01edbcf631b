package cn.chifeng.title.organisation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import cn.chifeng.title.common.Zones;
import cn.chifeng.title.organisation.OrganisationDirectory.Employer;

/**
 * Employers registered on the portal (table {@code employer}): pending, approved or rejected. The approved ones are
 * 用人单位 of the {@link OrganisationDirectory} beside the seed file, read from the database on every call, so that
 * an approval is effective at once on every node.
 */
@Repository
public class EmployerRegister {
    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    private static final String COLUMNS = "id, credit_code, group_id, name, employer_type, employer_level, county, "
            + "competent_department, reviewer_group, status, clerk_name, clerk_phone, clerk_email, clerk_user_id, "
            + "process_instance_id, decided_by, decision_reason, registered_at, decided_at";
    private static final RowMapper<Registration> MAPPER = (rs, i) -> new Registration(rs.getLong("id"),
            rs.getString("credit_code"), rs.getString("group_id"), rs.getString("name"),
            rs.getString("employer_type"), rs.getString("employer_level"), rs.getString("county"),
            rs.getString("competent_department"), rs.getString("reviewer_group"), rs.getString("status"),
            rs.getString("clerk_name"), rs.getString("clerk_phone"), rs.getString("clerk_email"),
            rs.getString("clerk_user_id"), rs.getString("process_instance_id"), rs.getString("decided_by"),
            rs.getString("decision_reason"), at(rs.getObject("registered_at", OffsetDateTime.class)),
            at(rs.getObject("decided_at", OffsetDateTime.class)));
    private static final RowMapper<Employer> EMPLOYER = (rs, i) -> new Employer(rs.getString("credit_code"),
            rs.getString("group_id"), rs.getString("name"), rs.getString("employer_type"),
            rs.getString("employer_level"), rs.getString("county"), rs.getString("competent_department"));
    private static final String EMPLOYER_COLUMNS = "credit_code, group_id, name, employer_type, employer_level, county, "
            + "competent_department";

    private final JdbcTemplate jdbc;

    EmployerRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime at(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(Zones.CHINA).toOffsetDateTime();
    }

    /** What a unit's clerk registers. */
    public record Application(String code, String group, String name, String type, String level, String county,
                              String competentDepartment, String reviewerGroup, String clerkName, String clerkPhone,
                              String clerkEmail) {
    }

    /** A registration and how it was decided. */
    public record Registration(long id, String code, String group, String name, String type, String level,
                               String county, String competentDepartment, String reviewerGroup, String status,
                               String clerkName, String clerkPhone, String clerkEmail, String clerkUserId,
                               String processInstanceId, String decidedBy, String decisionReason,
                               OffsetDateTime registeredAt, OffsetDateTime decidedAt) {
        public Employer employer() {
            return new Employer(code, group, name, type, level, county, competentDepartment);
        }
    }

    public Optional<Registration> find(long id) {
        return jdbc.query("select " + COLUMNS + " from employer where id = ?", MAPPER, id).stream().findFirst();
    }

    public Optional<Registration> byCode(String code) {
        return jdbc.query("select " + COLUMNS + " from employer where credit_code = ?", MAPPER, code).stream()
                .findFirst();
    }

    /**
     * Records a pending registration; a code that was rejected before is registered again in its row. Empty when
     * the code is pending or approved already (the unique index settles a race between two nodes).
     */
    public Optional<Long> savePending(Application a, OffsetDateTime now) {
        Optional<Registration> earlier = byCode(a.code());
        if (earlier.isPresent()) {
            int changed = jdbc.update("update employer set name = ?, employer_type = ?, employer_level = ?, county = ?, "
                    + "competent_department = ?, reviewer_group = ?, status = ?, clerk_name = ?, clerk_phone = ?, "
                    + "clerk_email = ?, clerk_user_id = null, process_instance_id = null, decided_by = null, "
                    + "decision_reason = null, registered_at = ?, decided_at = null, updated_at = ? "
                    + "where id = ? and status = ?", a.name(), a.type(), a.level(), a.county(),
                    a.competentDepartment(), a.reviewerGroup(), PENDING, a.clerkName(), a.clerkPhone(),
                    a.clerkEmail(), now, now, earlier.get().id(), REJECTED);
            return changed == 1 ? Optional.of(earlier.get().id()) : Optional.empty();
        }
        jdbc.update("insert into employer (credit_code, group_id, name, employer_type, employer_level, county, "
                + "competent_department, reviewer_group, status, clerk_name, clerk_phone, clerk_email, registered_at, "
                + "updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", a.code(), a.group(), a.name(), a.type(),
                a.level(), a.county(), a.competentDepartment(), a.reviewerGroup(), PENDING, a.clerkName(),
                a.clerkPhone(), a.clerkEmail(), now, now);
        return byCode(a.code()).map(Registration::id);
    }

    public void processStarted(long id, String processInstanceId) {
        jdbc.update("update employer set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    /** Marks a pending registration approved; false when it is not pending. */
    public boolean approve(long id, String decidedBy, String clerkUserId, OffsetDateTime at) {
        return jdbc.update("update employer set status = ?, decided_by = ?, clerk_user_id = ?, decided_at = ?, "
                + "updated_at = ? where id = ? and status = ?", APPROVED, decidedBy, clerkUserId, at, at, id,
                PENDING) == 1;
    }

    /** Marks a pending registration rejected with the reason; false when it is not pending. */
    public boolean reject(long id, String decidedBy, String reason, OffsetDateTime at) {
        return jdbc.update("update employer set status = ?, decided_by = ?, decision_reason = ?, decided_at = ?, "
                + "updated_at = ? where id = ? and status = ?", REJECTED, decidedBy, reason, at, at, id,
                PENDING) == 1;
    }

    /** The approved employers, in the order they were registered. */
    List<Employer> approved() {
        return jdbc.query("select " + EMPLOYER_COLUMNS + " from employer where status = ? order by id", EMPLOYER,
                APPROVED);
    }

    Optional<Employer> approvedByCode(String code) {
        return jdbc.query("select " + EMPLOYER_COLUMNS + " from employer where credit_code = ? and status = ?",
                EMPLOYER, code, APPROVED).stream().findFirst();
    }

    Optional<Employer> approvedByGroup(String group) {
        return jdbc.query("select " + EMPLOYER_COLUMNS + " from employer where group_id = ? and status = ?",
                EMPLOYER, group, APPROVED).stream().findFirst();
    }
}
