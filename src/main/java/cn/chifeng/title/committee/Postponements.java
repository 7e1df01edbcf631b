package cn.chifeng.title.committee;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Written postponements (延期评审备案) filed by committees (table {@code postponement}). */
@Repository
public class Postponements {
    private final JdbcTemplate jdbc;

    Postponements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void file(int season, String committee, String reason, LocalDate until, String user, OffsetDateTime at) {
        jdbc.update("insert into postponement (season, committee_group, reason, until_date, filed_by, filed_at) "
                + "values (?,?,?,?,?,?)", season, committee, reason, until, user, at);
    }

    public boolean filed(int season, String committee) {
        Integer n = jdbc.queryForObject("select count(*) from postponement where season = ? and committee_group = ?",
                Integer.class, season, committee);
        return n != null && n > 0;
    }
}
