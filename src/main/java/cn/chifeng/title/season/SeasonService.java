package cn.chifeng.title.season;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.chifeng.title.code.Series;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.ApiException.FieldError;
import cn.chifeng.title.common.Zones;

/** The configured seasons (SEA-1) and the day as the season sees it (Asia/Shanghai). */
@Service
public class SeasonService {
    private final SeasonRepository seasons;
    private final SeasonProperties shipped;
    private final Clock clock;
    private final WorkingDayCalendar calendar;
    private final List<SeasonTimers> timers;

    private final cn.chifeng.title.audit.AdminChanges changes;
    private final cn.chifeng.title.common.StartupLock startupLock;

    SeasonService(SeasonRepository seasons, SeasonProperties shipped, Clock clock, WorkingDayCalendar calendar,
                  List<SeasonTimers> timers, cn.chifeng.title.audit.AdminChanges changes,
                  cn.chifeng.title.common.StartupLock startupLock) {
        this.startupLock = startupLock;
        this.changes = changes;
        this.timers = timers;
        this.seasons = seasons;
        this.shipped = shipped;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** Loads the seasons of the configuration that the database does not have yet; never overwrites changes. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void loadShippedSeasons() {
        if (shipped.seasons() == null) {
            return;
        }
        startupLock.run("seasons", this::loadMissing);
        int thisYear = today().getYear();
        calendar.warnUnknown(java.util.stream.Stream.concat(seasons.years().stream(),
                java.util.stream.Stream.of(thisYear, thisYear + 1)).distinct().sorted().toList());
    }

    private void loadMissing() {
        for (SeasonProperties.Entry e : shipped.seasons()) {
            if (seasons.find(e.year()).isEmpty()) {
                seasons.save(new Season(e.year(), e.applicationOpen(), e.applicationClose(), e.reviewClose(),
                        e.qualificationCutoff(), e.evaluationClose(), null), false);
            }
        }
    }

    public Optional<Season> find(int year) {
        return seasons.find(year);
    }

    /** Every configured season, latest first. */
    public List<Season> all() {
        return seasons.years().stream().sorted(java.util.Comparator.reverseOrder()).map(y -> seasons.find(y).orElseThrow())
                .toList();
    }

    /**
     * The season people apply in today: the latest one whose application window contains today, else the latest one
     * whose window has not opened yet, else the latest.
     */
    public Optional<Season> current() {
        LocalDate day = today();
        List<Season> all = all();
        // several open at once (a season set up for a re-run, say): this year's first
        return all.stream().filter(s -> s.applicationWindowContains(day))
                .min(java.util.Comparator.comparingInt((Season s) -> Math.abs(s.year() - day.getYear()))
                        .thenComparing(Season::year, java.util.Comparator.reverseOrder()))
                .or(() -> all.stream().filter(s -> s.applicationOpen() != null && day.isBefore(s.applicationOpen()))
                        .reduce((a, b) -> b))
                .or(() -> all.stream().findFirst());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Zones.CHINA));
    }

    @Transactional
    public Season update(int year, Season s) {
        List<FieldError> errors = new ArrayList<>();
        if (s.year() != null && s.year() != year) {
            errors.add(new FieldError("year", "年度与地址中的年度不一致"));
        }
        require(errors, "applicationClose", s.applicationClose());
        require(errors, "reviewClose", s.reviewClose());
        require(errors, "qualificationCutoff", s.qualificationCutoff());
        require(errors, "evaluationClose", s.evaluationClose());
        if (errors.isEmpty()) {
            order(errors, s, "");
            if (s.seriesOverrides() != null) {
                s.seriesOverrides().keySet().forEach(series -> {
                    try {
                        Series.valueOf(series);
                    } catch (IllegalArgumentException e) {
                        errors.add(new FieldError("seriesOverrides." + series, "未知的职称系列"));
                        return;
                    }
                    order(errors, s.forSeries(series), "seriesOverrides." + series + ".");
                });
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Season saved = new Season(year, s.applicationOpen(), s.applicationClose(), s.reviewClose(),
                s.qualificationCutoff(), s.evaluationClose(), s.seriesOverrides());
        seasons.save(saved, seasons.isDemo(year));
        changes.record(cn.chifeng.title.audit.AdminChanges.Subject.SEASON, String.valueOf(year), "设置 " + year + " 年度评审日期", saved);
        timers.forEach(t -> t.seasonChanged(saved));
        return saved;
    }

    private static void require(List<FieldError> errors, String field, LocalDate value) {
        if (value == null) {
            errors.add(new FieldError(field, "必须填写（YYYY-MM-DD）"));
        }
    }

    private static void order(List<FieldError> errors, Season s, String prefix) {
        if (s.applicationOpen() != null && s.applicationOpen().isAfter(s.applicationClose())) {
            errors.add(new FieldError(prefix + "applicationOpen", "申报开始日期不能晚于个人申报截止日期"));
        }
        if (s.reviewClose().isBefore(s.applicationClose())) {
            errors.add(new FieldError(prefix + "reviewClose", "材料审核截止日期不能早于个人申报截止日期"));
        }
        if (s.evaluationClose().isBefore(s.reviewClose())) {
            errors.add(new FieldError(prefix + "evaluationClose", "评审和公示完成日期不能早于材料审核截止日期"));
        }
    }
}
