package cn.chifeng.title.expert;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.chifeng.title.code.Level;

/**
 * The committees' expert pools (tables {@code expert}, {@code committee_specialty}, {@code pool_cleanup}).
 * The draw (EVA-2) reads {@link #active}, {@link #find} and {@link #specialties} and records who sat with
 * {@link #recordService}; everything else is the pool's own upkeep.
 */
@Repository
public class ExpertPool {
    private static final String COLUMNS = "id, committee_group, name, specialty, level, employer_name, employer_code, "
            + "private_enterprise, internal_unit_code, seasons_served, account, phone, retired";
    private static final RowMapper<Expert> EXPERT = (rs, n) -> new Expert(rs.getLong("id"),
            rs.getString("committee_group"), rs.getString("name"), rs.getString("specialty"),
            Level.valueOf(rs.getString("level")), rs.getString("employer_name"), rs.getString("employer_code"),
            rs.getBoolean("private_enterprise"), rs.getString("internal_unit_code"),
            seasons(rs.getString("seasons_served")), rs.getString("account"), rs.getString("phone"),
            rs.getBoolean("retired"));
    private static final RowMapper<PoolCleanup> CLEANUP = (rs, n) -> new PoolCleanup(rs.getLong("id"),
            rs.getString("committee_group"), rs.getInt("season"), rs.getInt("retired_count"),
            rs.getInt("updated_count"), rs.getString("filed_with"), rs.getString("note"), rs.getString("cleaned_by"),
            rs.getObject("cleaned_at", OffsetDateTime.class));

    private final JdbcTemplate jdbc;

    ExpertPool(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The experts of a committee who are in the pool (not retired), by id: the same pool reads the same order. */
    public List<Expert> active(String committee) {
        return jdbc.query("select " + COLUMNS + " from expert where committee_group = ? and retired = false "
                + "order by id", EXPERT, committee);
    }

    /** Every expert of a committee, retired ones included, by id. */
    public List<Expert> all(String committee) {
        return jdbc.query("select " + COLUMNS + " from expert where committee_group = ? order by id", EXPERT,
                committee);
    }

    /** The committee's expert who signs in as {@code account} (unique within a pool), retired or not. */
    public Optional<Expert> byAccount(String committee, String account) {
        return jdbc.query("select " + COLUMNS + " from expert where committee_group = ? and account = ? order by id",
                EXPERT, committee, account).stream().findFirst();
    }

    /** An expert by id, of whichever committee. */
    public Optional<Expert> find(long id) {
        return jdbc.query("select " + COLUMNS + " from expert where id = ?", EXPERT, id).stream().findFirst();
    }

    /** The specialties the committee covers (EVA-4), in code-point order. */
    public List<String> specialties(String committee) {
        return jdbc.queryForList("select specialty from committee_specialty where committee_group = ?", String.class,
                committee).stream().sorted().toList();
    }

    /**
     * Records that the expert sat on a committee in this season (EVA-2: three consecutive years); a season already
     * recorded is not added twice. Not a change of the pool: the expert's {@code updated_at} stays.
     */
    public void recordService(long expertId, int season) {
        String served = jdbc.query("select seasons_served from expert where id = ? for update",
                (rs, n) -> rs.getString(1), expertId).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no expert " + expertId));
        TreeSet<Integer> years = new TreeSet<>(seasons(served));
        if (years.add(season)) {
            jdbc.update("update expert set seasons_served = ? where id = ?", text(List.copyOf(years)), expertId);
        }
    }

    /** The clean-ups of a committee's pool, oldest first. */
    public List<PoolCleanup> cleanups(String committee) {
        return jdbc.query("select * from pool_cleanup where committee_group = ? order by id", CLEANUP, committee);
    }

    Optional<Expert> find(String committee, String name, String employerCode) {
        return jdbc.query("select " + COLUMNS + " from expert where committee_group = ? and name = ? "
                + "and employer_code = ?", EXPERT, committee, name, employerCode).stream().findFirst();
    }

    long insert(Expert e, OffsetDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into expert (committee_group, name, specialty, level, employer_name, "
                    + "employer_code, private_enterprise, internal_unit_code, seasons_served, account, phone, retired, "
                    + "updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, e.committee());
            ps.setString(2, e.name());
            ps.setString(3, e.specialty());
            ps.setString(4, e.level().name());
            ps.setString(5, e.employerName());
            ps.setString(6, e.employerCode());
            ps.setBoolean(7, e.privateEnterprise());
            ps.setString(8, e.internalUnitCode());
            ps.setString(9, text(e.seasonsServed()));
            ps.setString(10, e.account());
            ps.setString(11, e.phone());
            ps.setBoolean(12, e.retired());
            ps.setObject(13, at);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** Writes every field but the committee and the state (retired: see {@link #retire}). */
    void update(Expert e, OffsetDateTime at) {
        jdbc.update("update expert set name = ?, specialty = ?, level = ?, employer_name = ?, employer_code = ?, "
                        + "private_enterprise = ?, internal_unit_code = ?, seasons_served = ?, account = ?, phone = ?, "
                        + "updated_at = ? where id = ?", e.name(), e.specialty(), e.level().name(), e.employerName(),
                e.employerCode(), e.privateEnterprise(), e.internalUnitCode(), text(e.seasonsServed()), e.account(),
                e.phone(), at, e.id());
    }

    void retire(long id, long cleanupId, OffsetDateTime at) {
        jdbc.update("update expert set retired = true, retired_by_cleanup = ?, updated_at = ? where id = ?", cleanupId,
                at, id);
    }

    void replaceSpecialties(String committee, List<String> specialties) {
        jdbc.update("delete from committee_specialty where committee_group = ?", committee);
        specialties.forEach(s -> jdbc.update("insert into committee_specialty (committee_group, specialty) "
                + "values (?,?)", committee, s));
    }

    /** Experts of the committee changed since the time (null: ever), not counting those listed. */
    int changedSince(String committee, OffsetDateTime since, List<Long> excluding) {
        return (int) jdbc.query("select id from expert where committee_group = ? and updated_at > ?",
                (rs, n) -> rs.getLong(1), committee, since == null ? OffsetDateTime.parse("2000-01-01T00:00Z") : since)
                .stream().filter(id -> !excluding.contains(id)).count();
    }

    long recordCleanup(PoolCleanup c) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into pool_cleanup (committee_group, season, retired_count, "
                    + "updated_count, filed_with, note, cleaned_by, cleaned_at) values (?,?,?,?,?,?,?,?)",
                    new String[] {"id"});
            ps.setString(1, c.committee());
            ps.setInt(2, c.season());
            ps.setInt(3, c.retiredCount());
            ps.setInt(4, c.updatedCount());
            ps.setString(5, c.filedWith());
            ps.setString(6, c.note());
            ps.setString(7, c.cleanedBy());
            ps.setObject(8, c.cleanedAt());
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** The experts a clean-up retired, by id. */
    List<Long> retiredBy(long cleanupId) {
        return jdbc.queryForList("select id from expert where retired_by_cleanup = ? order by id", Long.class,
                cleanupId);
    }

    static List<Integer> seasons(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).map(Integer::valueOf).sorted().toList();
    }

    static String text(List<Integer> seasons) {
        return seasons.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * A season's clean-up of a pool (专家库清理规范, 通知 五(一)1): how many experts it retired, how many records were
     * adjusted since the previous clean-up, with which HR department it was filed, by whom and when.
     */
    public record PoolCleanup(long id, String committee, int season, int retiredCount, int updatedCount,
                              String filedWith, String note, String cleanedBy, OffsetDateTime cleanedAt) {
    }
}
