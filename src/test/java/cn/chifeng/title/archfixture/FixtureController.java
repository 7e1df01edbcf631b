package cn.chifeng.title.archfixture;

import org.springframework.jdbc.core.JdbcTemplate;

/** Breaks the controller rule on purpose: a controller holding a JdbcTemplate (for ArchitectureTest). */
public class FixtureController {
    private final JdbcTemplate jdbc;

    public FixtureController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int count() {
        return jdbc.queryForObject("select 1", Integer.class);
    }
}
