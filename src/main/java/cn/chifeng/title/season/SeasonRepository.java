package cn.chifeng.title.season;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Seasons in the database (table {@code season}), shared by every node. */
@Repository
public class SeasonRepository {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    SeasonRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Season> find(int year) {
        return jdbc.query("select * from season where season_year = ?", (rs, i) -> new Season(rs.getInt("season_year"),
                date(rs.getDate("application_open")), date(rs.getDate("application_close")),
                date(rs.getDate("review_close")), date(rs.getDate("qualification_cutoff")),
                date(rs.getDate("evaluation_close")), overrides(rs.getString("series_overrides"))), year)
                .stream().findFirst();
    }

    public List<Integer> years() {
        return jdbc.queryForList("select season_year from season order by season_year", Integer.class);
    }

    public boolean isDemo(int year) {
        return Boolean.TRUE.equals(jdbc.query("select demo from season where season_year = ?",
                (rs, i) -> rs.getBoolean("demo"), year).stream().findFirst().orElse(false));
    }

    public void save(Season s, boolean demo) {
        int updated = jdbc.update("update season set application_open = ?, application_close = ?, review_close = ?, "
                        + "qualification_cutoff = ?, evaluation_close = ?, series_overrides = ?, demo = ? where season_year = ?",
                s.applicationOpen(), s.applicationClose(), s.reviewClose(), s.qualificationCutoff(),
                s.evaluationClose(), write(s.seriesOverrides()), demo, s.year());
        if (updated == 0) {
            jdbc.update("insert into season (application_open, application_close, review_close, qualification_cutoff, "
                            + "evaluation_close, series_overrides, demo, season_year) values (?,?,?,?,?,?,?,?)",
                    s.applicationOpen(), s.applicationClose(), s.reviewClose(), s.qualificationCutoff(),
                    s.evaluationClose(), write(s.seriesOverrides()), demo, s.year());
        }
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private Map<String, Season.Dates> overrides(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readValue(text, new TypeReference<Map<String, Season.Dates>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("评审年度的系列日期设置无法读取", e);
        }
    }

    private String write(Map<String, Season.Dates> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(overrides);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
