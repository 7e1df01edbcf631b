package cn.chifeng.title.correction;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.common.Zones;

/** Correction notices (table {@code correction_notice}), at most one per application. */
@Repository
public class CorrectionNotices {
    private final JdbcTemplate jdbc;

    CorrectionNotices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CorrectionNotice> of(String applicationId) {
        return jdbc.query("select * from correction_notice where application_id = ?", (rs, i) -> new CorrectionNotice(
                rs.getString("application_id"), rs.getString("items"), rs.getString("issued_by"),
                rs.getObject("issued_at", OffsetDateTime.class).atZoneSameInstant(Zones.CHINA).toOffsetDateTime(),
                rs.getObject("deadline", LocalDate.class), rs.getInt("working_days"),
                rs.getObject("answered_at", OffsetDateTime.class) == null ? null
                        : rs.getObject("answered_at", OffsetDateTime.class).atZoneSameInstant(Zones.CHINA)
                                .toOffsetDateTime(),
                rs.getString("answer")), applicationId).stream().findFirst();
    }

    public void insert(CorrectionNotice n) {
        jdbc.update("insert into correction_notice (application_id, items, issued_by, issued_at, deadline, "
                        + "working_days) values (?,?,?,?,?,?)", n.applicationId(), n.items(), n.issuedBy(),
                n.issuedAt(), n.deadline(), n.workingDays());
    }

    /**
     * How many applications of a season in the scope (county, route's group; as
     * {@link ApplicationRepository#countInSeason}) received the one-time correction notice (the season at a glance).
     */
    public long countInSeason(int season, String county, String routedThrough) {
        List<Object> args = new ArrayList<>();
        String where = ApplicationRepository.seasonScope(season, county, routedThrough, args);
        Long n = jdbc.queryForObject("select count(*) from application" + where
                + " and exists (select 1 from correction_notice c where c.application_id = application.id)",
                Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    public void answer(String applicationId, OffsetDateTime at, String answer) {
        jdbc.update("update correction_notice set answered_at = ?, answer = ? where application_id = ?", at, answer,
                applicationId);
    }
}
