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

    public void save(String employerCode, String level, int posts, int holders) {
        if (jdbc.update("update post_quota set posts = ?, holders = ? where employer_code = ? and post_level = ?",
                posts, holders, employerCode, level) == 0) {
            jdbc.update("insert into post_quota (employer_code, post_level, posts, holders) values (?,?,?,?)",
                    employerCode, level, posts, holders);
        }
    }
}
