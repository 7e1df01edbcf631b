package cn.chifeng.title.eligibility;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Posts and holders per level of public institutions (ELI-12). */
@Repository
public class PostQuotas {
    private final JdbcTemplate jdbc;

    PostQuotas(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether the unit's posts at the level are all held; null when the unit has not entered them */
    public Boolean full(String employerCode, String level) {
        if (employerCode == null) {
            return null;
        }
        return jdbc.query("select posts, holders from post_quota where employer_code = ? and post_level = ?",
                (rs, i) -> rs.getInt("holders") >= rs.getInt("posts"), employerCode, level)
                .stream().findFirst().orElse(null);
    }

    /** A unit's posts and holders at a level (ELI-12), as entered. */
    public record Posts(int posts, int holders) {
        /** Posts not held (never below 0). */
        public int vacant() {
            return Math.max(0, posts - holders);
        }
    }

    /** The entered posts of the units, unit code → level → posts; units that entered none are missing. */
    public java.util.Map<String, java.util.Map<String, Posts>> of(java.util.Collection<String> employerCodes) {
        java.util.Map<String, java.util.Map<String, Posts>> out = new java.util.HashMap<>();
        if (employerCodes.isEmpty()) {
            return out;
        }
        jdbc.query("select employer_code, post_level, posts, holders from post_quota where employer_code in ("
                        + String.join(",", java.util.Collections.nCopies(employerCodes.size(), "?")) + ")",
                rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new java.util.HashMap<>())
                            .put(rs.getString(2), new Posts(rs.getInt(3), rs.getInt(4)));
                }, employerCodes.toArray());
        return out;
    }

    public void save(String employerCode, String level, int posts, int holders) {
        if (jdbc.update("update post_quota set posts = ?, holders = ? where employer_code = ? and post_level = ?",
                posts, holders, employerCode, level) == 0) {
            jdbc.update("insert into post_quota (employer_code, post_level, posts, holders) values (?,?,?,?)",
                    employerCode, level, posts, holders);
        }
    }
}
