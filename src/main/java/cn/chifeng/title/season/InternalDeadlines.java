package cn.chifeng.title.season;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.security.CurrentUser;
import cn.chifeng.title.security.ReportingBodies;

/**
 * The internal dates of 附件4 (table {@code season_internal_deadline}): a county HR bureau or competent department
 * may ask its own units to finish earlier than the season, never later. They are shown in the season's timetable
 * and enforce nothing: the application window and the review close stay the season's.
 */
@Service
public class InternalDeadlines {
    private final JdbcTemplate jdbc;
    private final SeasonService seasons;
    private final ReportingBodies bodies;
    private final CurrentUser currentUser;
    private final Clock clock;

    InternalDeadlines(JdbcTemplate jdbc, SeasonService seasons, ReportingBodies bodies, CurrentUser currentUser,
                      Clock clock) {
        this.jdbc = jdbc;
        this.seasons = seasons;
        this.bodies = bodies;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Every internal date of the season, by body and kind. */
    public List<InternalDeadline> of(int year) {
        return jdbc.query("select season, body_id, kind, deadline, set_by, set_at from season_internal_deadline "
                + "where season = ? order by body_id, kind", (rs, i) -> new InternalDeadline(rs.getInt("season"),
                rs.getString("body_id"), DeadlineKind.valueOf(rs.getString("kind")),
                rs.getObject("deadline", LocalDate.class), rs.getString("set_by"),
                rs.getObject("set_at", OffsetDateTime.class).atZoneSameInstant(Zones.CHINA).toOffsetDateTime()), year);
    }

    /** The caller's body (or the one named) sets its date of the kind: not later than the season's. */
    @Transactional
    public InternalDeadline set(int year, String kindCode, String body, LocalDate date) {
        Season season = season(year);
        DeadlineKind kind = kind(kindCode);
        ReportingBodies.Scope scope = ownBody(body);
        if (date == null) {
            throw ApiException.invalid("date", "必须填写（YYYY-MM-DD）");
        }
        LocalDate limit = kind.of(season);
        if (date.isAfter(limit)) {
            throw ApiException.invalid("date", kind.label() + "不能晚于全市的" + year + "年度时间（" + limit + "）");
        }
        InternalDeadline saved = new InternalDeadline(year, scope.bodyId(), kind, date, currentUser.id(),
                Zones.now(clock));
        jdbc.update("delete from season_internal_deadline where season = ? and body_id = ? and kind = ?", year,
                scope.bodyId(), kind.name());
        jdbc.update("insert into season_internal_deadline (season, body_id, kind, deadline, set_by, set_at) "
                + "values (?,?,?,?,?,?)", year, saved.bodyId(), kind.name(), date, saved.setBy(), saved.setAt());
        return saved;
    }

    /** The caller's body (or the one named) clears its date of the kind: the season's applies again. */
    @Transactional
    public void clear(int year, String kindCode, String body) {
        season(year);
        DeadlineKind kind = kind(kindCode);
        ReportingBodies.Scope scope = ownBody(body);
        jdbc.update("delete from season_internal_deadline where season = ? and body_id = ? and kind = ?", year,
                scope.bodyId(), kind.name());
    }

    private Season season(int year) {
        return seasons.find(year).orElseThrow(() -> ApiException.notFound("没有 " + year + " 年度的评审安排"));
    }

    private static DeadlineKind kind(String code) {
        try {
            return DeadlineKind.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("kind", "“" + code + "”不是可设置的时间，可选：APPLICATION_CLOSE（"
                    + DeadlineKind.APPLICATION_CLOSE.label() + "）、REVIEW_CLOSE（" + DeadlineKind.REVIEW_CLOSE.label()
                    + "）");
        }
    }

    /** A county HR bureau or department, as one of the caller's bodies (403 otherwise); not the whole city. */
    private ReportingBodies.Scope ownBody(String body) {
        ReportingBodies.Scope scope = bodies.forCaller(body);
        if (scope.wholeCity()) {
            throw ApiException.invalid("body", "全市的时间就是年度的时间（PUT /api/seasons/{year}）；内部截止时间由旗县区"
                    + "人力资源和社会保障局或主管部门为本地区、本部门的单位设置，请用 body 指定");
        }
        return scope;
    }
}
