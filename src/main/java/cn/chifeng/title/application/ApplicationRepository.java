package cn.chifeng.title.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import cn.chifeng.title.common.Zones;

/** The application register (table {@code application}). */
@Repository
public class ApplicationRepository {
    private static final String COLUMNS = "id, season, applicant_user_id, applicant_name, id_number, series, "
            + "target_level, employer_code, employer_name, county, channel, status, current_stage, route, visible_to, "
            + "process_instance_id, dossier, submitted_at, updated_at, status_reason";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ApplicationRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return Zones.now(clock);
    }

    public void insert(ApplicationRecord a, String personLevelKey) {
        jdbc.update("insert into application (" + COLUMNS + ", person_level_key) values "
                        + "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                a.id(), a.season(), a.applicantUserId(), a.applicantName(), a.idNumber(), a.series(),
                a.targetLevel(), a.employerCode(), a.employerName(), a.county(), a.channel(), a.status().name(),
                a.currentStage(), join(a.route()), join(a.visibleTo()), a.processInstanceId(), a.dossierJson(),
                a.submittedAt(), a.updatedAt(), a.statusReason(), personLevelKey);
    }

    /** A draft's dossier changed (the columns taken from it follow). */
    public void updateDraft(String id, ApplicationRecord a) {
        jdbc.update("update application set applicant_name = ?, series = ?, target_level = ?, employer_code = ?, "
                        + "employer_name = ?, county = ?, channel = ?, dossier = ?, updated_at = ? where id = ? "
                        + "and status = 'DRAFT'", a.applicantName(), a.series(), a.targetLevel(), a.employerCode(),
                a.employerName(), a.county(), a.channel(), a.dossierJson(), now(), id);
    }

    /**
     * A draft is submitted: it counts from now on (the unique key refuses a second application of the person at the
     * level, even from another node at the same moment).
     */
    public void submitDraft(String id, String personLevelKey, OffsetDateTime at) {
        jdbc.update("update application set status = 'IN_REVIEW', person_level_key = ?, submitted_at = ?, "
                + "updated_at = ? where id = ? and status = 'DRAFT'", personLevelKey, at, at, id);
    }

    /** A returned application's dossier after the applicant corrected it (fields that decide the route unchanged). */
    public void updateDossier(String id, String applicantName, String dossierJson) {
        jdbc.update("update application set applicant_name = ?, dossier = ?, updated_at = ? where id = ?",
                applicantName, dossierJson, now(), id);
    }

    public Optional<ApplicationRecord> find(String id) {
        return jdbc.query("select " + COLUMNS + " from application where id = ?", MAPPER, id).stream().findFirst();
    }

    /** The applications of the ids that exist, in no particular order (ids looked up 500 at a time). */
    public List<ApplicationRecord> findAll(java.util.Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<ApplicationRecord> found = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
            found.addAll(jdbc.query("select " + COLUMNS + " from application where id in ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", MAPPER, chunk.toArray()));
        }
        return found;
    }

    public void setProcessInstance(String id, String processInstanceId) {
        jdbc.update("update application set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    public void setRoute(String id, List<String> route, List<String> visibleTo, String currentStage) {
        jdbc.update("update application set route = ?, visible_to = ?, current_stage = ?, updated_at = ? where id = ?",
                join(route), join(visibleTo), currentStage, now(), id);
    }

    public void setCurrentStage(String id, String stage) {
        jdbc.update("update application set current_stage = ?, updated_at = ? where id = ?", stage, now(), id);
    }

    public void setStatus(String id, ApplicationStatus status, String reason) {
        jdbc.update("update application set status = ?, status_reason = ?, updated_at = ?"
                + (status.counts() ? "" : ", person_level_key = null") + " where id = ?",
                status.name(), reason, now(), id);
    }

    /** Applications of the person at the level in the season that count against APP-2. */
    public List<ApplicationRecord> countedForPerson(int season, String idNumber, String level) {
        return jdbc.query("select " + COLUMNS + " from application where person_level_key = ?", MAPPER,
                personLevelKey(season, idNumber, level));
    }

    /** Counted applications of an employer in a season (APP-3). */
    public List<ApplicationRecord> countedForEmployer(int season, String employerCode) {
        return jdbc.query("select " + COLUMNS + " from application where season = ? and employer_code = ? "
                + "and person_level_key is not null", MAPPER, season, employerCode);
    }

    /**
     * Submitted applications of the employers in a season (drafts are the applicant's own), newest first; with
     * {@code status} only those in it, with {@code nameOrId} only that 申报编号 or names containing it.
     */
    public List<ApplicationRecord> ofEmployers(int season, java.util.Collection<String> employerCodes, String status,
                                               String nameOrId, int page, int size) {
        if (employerCodes.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        String where = employerWhere(season, employerCodes, status, args);
        if (nameOrId != null && !nameOrId.isBlank()) {
            where += " and (id = ? or applicant_name like ?)";
            args.add(nameOrId.trim().toUpperCase());
            args.add("%" + nameOrId.trim().replace("%", "").replace("_", "") + "%");
        }
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("select " + COLUMNS + " from application" + where
                + " order by submitted_at desc, id limit ? offset ?", MAPPER, args.toArray());
    }

    /** Submitted applications of the employers in a season, per status. */
    public Map<ApplicationStatus, Long> countOfEmployers(int season, java.util.Collection<String> employerCodes) {
        Map<ApplicationStatus, Long> counts = new java.util.EnumMap<>(ApplicationStatus.class);
        if (employerCodes.isEmpty()) {
            return counts;
        }
        List<Object> args = new ArrayList<>();
        String where = employerWhere(season, employerCodes, null, args);
        jdbc.query("select status, count(*) n from application" + where + " group by status",
                rs -> {
                    counts.put(ApplicationStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                }, args.toArray());
        return counts;
    }

    private static String employerWhere(int season, java.util.Collection<String> codes, String status, List<Object> args) {
        args.add(season);
        args.addAll(codes);
        String where = " where season = ? and status <> 'DRAFT' and employer_code in ("
                + String.join(",", java.util.Collections.nCopies(codes.size(), "?")) + ")";
        if (status != null) {
            where += " and status = ?";
            args.add(status);
        }
        return where;
    }

    /**
     * The applications of a season that count (drafts, withdrawn, abandoned and ineligible ones do not), optionally
     * only those of a county and only those routed through a group (its {@code visible_to}); for the rosters (ROS-1).
     */
    public List<ApplicationRecord> countedInSeason(int season, String county, String routedThrough) {
        List<Object> args = new ArrayList<>();
        args.add(season);
        String where = " where season = ? and status not in ('DRAFT', 'WITHDRAWN', 'ABANDONED', 'INELIGIBLE')";
        if (county != null) {
            where += " and county = ?";
            args.add(county);
        }
        if (routedThrough != null) {
            where += " and visible_to like ?";
            args.add("%," + routedThrough + ",%");
        }
        return jdbc.query("select " + COLUMNS + " from application" + where + " order by id", MAPPER, args.toArray())
                .stream().filter(a -> a.status().counts()).toList();
    }

    /** How many submitted applications of a season share a status, stage, county and series. */
    public record SeasonCount(ApplicationStatus status, String stage, String county, String series, long count) {
    }

    /**
     * The submitted applications of a season (never drafts, nor drafts withdrawn unsubmitted: those never had a
     * process) counted per status, current stage, county and series,
     * in the scope of the rosters ({@link #countedInSeason}): a few hundred rows at most, however many applications
     * (the season at a glance, ROS-4).
     */
    public List<SeasonCount> countInSeason(int season, String county, String routedThrough) {
        List<Object> args = new ArrayList<>();
        String where = seasonScope(season, county, routedThrough, args);
        return jdbc.query("select status, current_stage, county, series, count(*) n from application" + where
                        + " and status <> 'DRAFT' and not (status = 'WITHDRAWN' and process_instance_id is null)"
                        + " group by status, current_stage, county, series",
                (rs, i) -> new SeasonCount(ApplicationStatus.valueOf(rs.getString("status")),
                        rs.getString("current_stage"), rs.getString("county"), rs.getString("series"), rs.getLong("n")),
                args.toArray());
    }

    /**
     * {@code where season = ?} with the county and the route's group if given; the SQL of a scope, for the counts of
     * other features that join the register (the correction notices).
     */
    public static String seasonScope(int season, String county, String routedThrough, List<Object> args) {
        args.add(season);
        String where = " where season = ?";
        if (county != null) {
            where += " and county = ?";
            args.add(county);
        }
        if (routedThrough != null) {
            where += " and visible_to like ?";
            args.add("%," + routedThrough + ",%");
        }
        return where;
    }

    public static String personLevelKey(int season, String idNumber, String level) {
        return season + "|" + idNumber.toUpperCase() + "|" + level;
    }

    /** A page of applications matching the filters; {@code visibleToGroups} null means all. */
    public List<ApplicationRecord> search(Filter f, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("select " + COLUMNS + " from application" + where
                + " order by submitted_at desc, id limit ? offset ?", MAPPER, args.toArray());
    }

    public long count(Filter f) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        Long n = jdbc.queryForObject("select count(*) from application" + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    private static String where(Filter f, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (f.season() != null) {
            clauses.add("season = ?");
            args.add(f.season());
        }
        if (f.status() != null) {
            clauses.add("status = ?");
            args.add(f.status());
        }
        if (f.stage() != null) {
            clauses.add("current_stage = ?");
            args.add(f.stage());
        }
        if (!f.all()) {
            List<String> visible = new ArrayList<>();
            if (f.applicantUserId() != null) {
                visible.add("applicant_user_id = ?");
                args.add(f.applicantUserId());
            }
            for (String g : f.groups()) {
                visible.add("visible_to like ?");
                args.add("%," + g + ",%");
            }
            clauses.add(visible.isEmpty() ? "1 = 0" : "(" + String.join(" or ", visible) + ")");
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    /** Search filters and the caller's visibility: own applications and those routed through one of their groups. */
    public record Filter(Integer season, String status, String stage, boolean all, String applicantUserId,
                         List<String> groups) {
    }

    /** Lists are stored as ",A,B," so that a group can be matched with LIKE on both databases. */
    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : "," + String.join(",", values) + ",";
    }

    private static List<String> split(String s) {
        return s == null ? List.of() : Arrays.stream(s.split(",")).filter(x -> !x.isEmpty()).toList();
    }

    private static final RowMapper<ApplicationRecord> MAPPER = ApplicationRepository::map;

    private static ApplicationRecord map(ResultSet rs, int i) throws SQLException {
        return new ApplicationRecord(rs.getString("id"), rs.getInt("season"), rs.getString("applicant_user_id"),
                rs.getString("applicant_name"), rs.getString("id_number"), rs.getString("series"),
                rs.getString("target_level"), rs.getString("employer_code"), rs.getString("employer_name"),
                rs.getString("county"), rs.getString("channel"), ApplicationStatus.valueOf(rs.getString("status")),
                rs.getString("current_stage"), split(rs.getString("route")), split(rs.getString("visible_to")),
                rs.getString("process_instance_id"), rs.getString("dossier"),
                rs.getObject("submitted_at", OffsetDateTime.class).atZoneSameInstant(Zones.CHINA).toOffsetDateTime(),
                rs.getObject("updated_at", OffsetDateTime.class).atZoneSameInstant(Zones.CHINA).toOffsetDateTime(),
                rs.getString("status_reason"));
    }
}
