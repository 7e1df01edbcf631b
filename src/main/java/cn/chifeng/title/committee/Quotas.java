package cn.chifeng.title.committee;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Quotas of titles (ELI-13): for a season and a kind ({@code SERIES:LEVEL}, e.g.
 * {@code PRIMARY_SECONDARY_TEACHER:SENIOR}, 49 for Chifeng in 2025) a TOTAL and its shares (CITY for city-level
 * employers, or a county code), distributed by the city education bureau. A session passes no more than what is
 * left of the total and of the applicant's share; the used places are the applications already passed.
 */
@Repository
class Quotas {
    /** Scope of the total. */
    static final String TOTAL = "TOTAL";
    private final JdbcTemplate jdbc;

    Quotas(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String kind(String series, String level) {
        return series + ":" + level;
    }

    /** The quota of a kind in a season, scope → titles; empty when the kind has no quota. */
    Map<String, Integer> of(int season, String kind) {
        Map<String, Integer> out = new LinkedHashMap<>();
        jdbc.query("select scope, titles from title_quota where season = ? and quota_kind = ? order by scope",
                rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                }, season, kind);
        return out;
    }

    void replace(int season, String kind, Map<String, Integer> shares) {
        jdbc.update("delete from title_quota where season = ? and quota_kind = ?", season, kind);
        shares.forEach((scope, titles) -> jdbc.update("insert into title_quota (season, quota_kind, scope, titles) "
                + "values (?,?,?,?)", season, kind, scope, titles));
    }

    /** Places already used: passed outcomes of earlier sessions of the season and kind, per scope (and TOTAL). */
    Map<String, Integer> used(int season, String series, String level, String exceptSession) {
        Map<String, Integer> used = new HashMap<>();
        jdbc.query("select a.county, a.quota_scope from session_application a join evaluation_session s "
                        + "on s.id = a.session_id where s.season = ? and s.series = ? and s.target_level = ? "
                        + "and a.outcome = 'PASSED' and a.counts_against_quota = true and s.id <> ?",
                rs -> {
                    used.merge(rs.getString(2), 1, Integer::sum);
                    used.merge(TOTAL, 1, Integer::sum);
                }, season, series, level, exceptSession);
        return used;
    }

    /** Higher share in favour first (in whole numbers: a/b against c/d as a×d against c×b), then more votes in favour. */
    static final Comparator<Candidate> BY_VOTES = (a, b) -> {
        int c = Long.compare((long) b.inFavour() * a.attending(), (long) a.inFavour() * b.attending());
        return c != 0 ? c : Integer.compare(b.inFavour(), a.inFavour());
    };
    /** The vote rank recorded with each pass and used by the quota: by votes, equal votes in a stable order. */
    static final Comparator<Candidate> RANKING = BY_VOTES.thenComparing(Candidate::applicationId);

    /** An application that passed the vote, with its rank key and quota scope. */
    record Candidate(String applicationId, String scope, int inFavour, int attending, boolean counts) {
    }

    /**
     * Who of the passing applications keeps a place (ELI-13): ranked by share in favour (in whole numbers), then by
     * votes in favour; places are given down the ranking while the total and the applicant's share have room. The
     * stated rule for ties: applications with equal votes are treated alike — when the places left in a scope (the
     * total or a share) cannot take all of the tied that need it, none of them gets one, and that scope is closed to
     * everyone ranked lower (a lower vote never takes a place a higher one could not); the committee may evaluate
     * again for places left. Applications that do not count against the quota (a green-channel pass where the
     * season says so) always keep their pass.
     *
     * @return the ids over the quota (超出名额未通过)
     */
    static List<String> overQuota(List<Candidate> passing, Map<String, Integer> quota, Map<String, Integer> used) {
        if (quota.isEmpty()) {
            return List.of();
        }
        Comparator<Candidate> byVotes = BY_VOTES;
        List<Candidate> ranked = new ArrayList<>(passing);
        ranked.sort(RANKING);
        Map<String, Integer> left = new HashMap<>();
        quota.forEach((scope, titles) -> left.put(scope, titles - used.getOrDefault(scope, 0)));
        List<String> over = new ArrayList<>();
        java.util.Set<String> closed = new java.util.HashSet<>();
        int i = 0;
        while (i < ranked.size()) {
            int j = i;
            while (j < ranked.size() && byVotes.compare(ranked.get(i), ranked.get(j)) == 0) {
                j++;
            }
            List<Candidate> tied = ranked.subList(i, j).stream().filter(Candidate::counts).toList();
            Map<String, Integer> need = new HashMap<>();
            for (Candidate c : tied) {
                need.merge(TOTAL, 1, Integer::sum);
                need.merge(c.scope(), 1, Integer::sum);
            }
            java.util.Set<String> blocked = new java.util.HashSet<>(closed);
            need.forEach((scope, n) -> {
                if (left.containsKey(scope) && left.get(scope) < n) {
                    blocked.add(scope);
                }
            });
            for (Candidate c : tied) {
                if (blocked.contains(TOTAL) || blocked.contains(c.scope())) {
                    over.add(c.applicationId());
                } else {
                    left.computeIfPresent(TOTAL, (k, v) -> v - 1);
                    left.computeIfPresent(c.scope(), (k, v) -> v - 1);
                }
            }
            closed.addAll(blocked);
            i = j;
        }
        return over;
    }

    Optional<Integer> total(int season, String kind) {
        return Optional.ofNullable(of(season, kind).get(TOTAL));
    }
}
