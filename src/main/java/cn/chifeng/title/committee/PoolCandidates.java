package cn.chifeng.title.committee;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import cn.chifeng.title.code.Level;

/** The pool as the draw and the session see it: active experts of a committee, in a stable order. */
@Component
class PoolCandidates {
    private final JdbcTemplate jdbc;

    PoolCandidates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An expert with what the office (and only the office) sees: name, employer, account. */
    record PoolExpert(ExpertDraw.Candidate candidate, String name, String employerName, String account) {
    }

    private static final String COLUMNS = "id, specialty, level, employer_code, private_enterprise, "
            + "internal_unit_code, seasons_served, name, employer_name, account";
    private static final RowMapper<PoolExpert> ROW = (rs, n) -> new PoolExpert(new ExpertDraw.Candidate(
            rs.getLong(1), rs.getString(2), Level.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5),
            rs.getString(6), seasons(rs.getString(7))), rs.getString(8), rs.getString(9), rs.getString(10));

    static Set<Integer> seasons(String text) {
        return text == null || text.isBlank() ? Set.of() : Arrays.stream(text.split("[,，、\\s]+"))
                .filter(s -> !s.isBlank()).map(Integer::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    /** Active (not retired) experts of the committee who can sign in (an account), by id. */
    List<PoolExpert> active(String committee) {
        return jdbc.query("select " + COLUMNS + " from expert where committee_group = ? and retired = false "
                + "and account is not null order by id", ROW, committee);
    }

    Optional<PoolExpert> find(long id) {
        return jdbc.query("select " + COLUMNS + " from expert where id = ?", ROW, id).stream().findFirst();
    }

    /** The expert of the committee signed in as {@code account}, if any. */
    Optional<PoolExpert> byAccount(String committee, String account) {
        return jdbc.query("select " + COLUMNS + " from expert where committee_group = ? and account = ?", ROW,
                committee, account).stream().findFirst();
    }

    /** Records that the expert served in a season (the three-season rule of later draws, EVA-2). */
    void recordService(long id, int season) {
        PoolExpert e = find(id).orElseThrow();
        if (e.candidate().seasonsServed().contains(season)) {
            return;
        }
        String served = java.util.stream.Stream.concat(e.candidate().seasonsServed().stream(),
                java.util.stream.Stream.of(season)).sorted().map(String::valueOf).collect(Collectors.joining(","));
        jdbc.update("update expert set seasons_served = ? where id = ?", served, id);
    }
}
