package cn.chifeng.title.overview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationRepository.SeasonCount;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.correction.CorrectionNotices;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.organisation.OrganisationDirectory.Body;
import cn.chifeng.title.organisation.OrganisationDirectory.BodyKind;
import cn.chifeng.title.organisation.OrganisationDirectory.County;
import cn.chifeng.title.overview.SeasonOverview.BodyDates;
import cn.chifeng.title.overview.SeasonOverview.Count;
import cn.chifeng.title.overview.SeasonOverview.SeriesDates;
import cn.chifeng.title.overview.SeasonOverview.Timetable;
import cn.chifeng.title.overview.SeasonOverview.Totals;
import cn.chifeng.title.process.Stage;
import cn.chifeng.title.season.DeadlineKind;
import cn.chifeng.title.season.InternalDeadline;
import cn.chifeng.title.season.InternalDeadlines;
import cn.chifeng.title.season.Season;
import cn.chifeng.title.season.SeasonService;
import cn.chifeng.title.security.ReportingBodies;

/**
 * Builds the season at a glance (ROS-4) for the caller's reporting scope ({@link ReportingBodies}, as the rosters):
 * the counts come from two aggregate queries of the register, grouped in the database, never from its rows.
 */
@Service
class SeasonOverviews {
    private final ReportingBodies bodies;
    private final SeasonService seasons;
    private final InternalDeadlines internal;
    private final ApplicationRepository applications;
    private final CorrectionNotices corrections;
    private final OrganisationDirectory organisations;

    SeasonOverviews(ReportingBodies bodies, SeasonService seasons, InternalDeadlines internal,
                    ApplicationRepository applications, CorrectionNotices corrections,
                    OrganisationDirectory organisations) {
        this.bodies = bodies;
        this.seasons = seasons;
        this.internal = internal;
        this.applications = applications;
        this.corrections = corrections;
        this.organisations = organisations;
    }

    /** The year of the address: 400 naming it if it is no year, 404 if no season has it. */
    Season season(String year) {
        int y;
        try {
            y = Integer.parseInt(year.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("year", "“" + year + "”不是年度（四位数字，如 2025）");
        }
        return seasons.find(y).orElseThrow(() -> ApiException.notFound("没有 " + y + " 年度的评审安排"));
    }

    Optional<Season> current() {
        return seasons.current();
    }

    SeasonOverview of(String year, String body) {
        ReportingBodies.Scope scope = bodies.forCaller(body);
        Season season = season(year);
        LocalDate today = seasons.today();
        List<SeasonCount> counts = applications.countInSeason(season.year(), scope.county(), scope.routedThrough());
        long corrected = corrections.countInSeason(season.year(), scope.county(), scope.routedThrough());
        return new SeasonOverview(season.year(), today,
                new SeasonOverview.Scope(scope.bodyId(), scope.bodyName(), scope.county(), scope.routedThrough()),
                timetable(season), totals(season, today, counts, corrected), byStatus(counts), byStage(counts),
                byCounty(scope, counts));
    }

    private Timetable timetable(Season s) {
        List<SeriesDates> series = new ArrayList<>();
        if (s.seriesOverrides() != null) {
            s.seriesOverrides().keySet().stream().sorted().forEach(code -> {
                Season f = s.forSeries(code);
                series.add(new SeriesDates(code, seriesLabel(code), f.applicationOpen(), f.applicationClose(),
                        f.reviewClose(), f.qualificationCutoff(), f.evaluationClose()));
            });
        }
        Map<String, Map<DeadlineKind, InternalDeadline>> own = new LinkedHashMap<>();
        for (InternalDeadline d : internal.of(s.year())) {
            own.computeIfAbsent(d.bodyId(), b -> new EnumMap<>(DeadlineKind.class)).put(d.kind(), d);
        }
        // every region by its county HR bureau, then each department that set its own dates
        List<Body> rows = new ArrayList<>();
        for (County c : organisations.counties()) {
            organisations.countyBody(c.code(), BodyKind.COUNTY_HR).ifPresent(rows::add);
        }
        organisations.bodies().stream().filter(b -> b.kind() != BodyKind.COUNTY_HR && own.containsKey(b.id()))
                .sorted(Comparator.comparing((Body b) -> b.county() != null)).forEach(rows::add);
        List<BodyDates> dates = rows.stream().map(b -> bodyDates(s, b, own.getOrDefault(b.id(), Map.of())))
                .toList();
        return new Timetable(s.applicationOpen(), s.applicationClose(), s.reviewClose(), s.qualificationCutoff(),
                s.evaluationClose(), series, dates);
    }

    private BodyDates bodyDates(Season s, Body b, Map<DeadlineKind, InternalDeadline> own) {
        InternalDeadline application = own.get(DeadlineKind.APPLICATION_CLOSE);
        InternalDeadline review = own.get(DeadlineKind.REVIEW_CLOSE);
        InternalDeadline latest = own.values().stream().max(Comparator.comparing(InternalDeadline::setAt))
                .orElse(null);
        return new BodyDates(b.id(), b.name(), b.kind().name(), organisations.county(b.county()).map(County::name).orElse(null),
                application != null ? application.date() : s.applicationClose(), application != null,
                review != null ? review.date() : s.reviewClose(), review != null,
                latest == null ? null : latest.setBy(), latest == null ? null : latest.setAt());
    }

    private static Totals totals(Season season, LocalDate today, List<SeasonCount> counts, long corrected) {
        long submitted = 0;
        long overdue = 0;
        Map<ApplicationStatus, Long> per = new EnumMap<>(ApplicationStatus.class);
        for (SeasonCount c : counts) {
            submitted += c.count();
            per.merge(c.status(), c.count(), Long::sum);
            if (c.status() == ApplicationStatus.IN_REVIEW && today.isAfter(season.forSeries(c.series()).reviewClose())) {
                overdue += c.count();
            }
        }
        return new Totals(submitted, n(per, ApplicationStatus.IN_REVIEW), overdue, n(per, ApplicationStatus.RETURNED),
                corrected, n(per, ApplicationStatus.WITHDRAWN),
                n(per, ApplicationStatus.PASSED) + n(per, ApplicationStatus.CERTIFIED),
                n(per, ApplicationStatus.NOT_PASSED), n(per, ApplicationStatus.REJECTED));
    }

    private static long n(Map<ApplicationStatus, Long> per, ApplicationStatus s) {
        return per.getOrDefault(s, 0L);
    }

    private static List<Count> byStatus(List<SeasonCount> counts) {
        Map<ApplicationStatus, Long> per = new EnumMap<>(ApplicationStatus.class);
        counts.forEach(c -> per.merge(c.status(), c.count(), Long::sum));
        return per.entrySet().stream().map(e -> new Count(e.getKey().name(), e.getKey().label(), e.getValue()))
                .toList();
    }

    /** 审核中 applications per current stage, in the order of the stages of a route. */
    private static List<Count> byStage(List<SeasonCount> counts) {
        Map<String, Long> per = new LinkedHashMap<>();
        counts.stream().filter(c -> c.status() == ApplicationStatus.IN_REVIEW && c.stage() != null)
                .forEach(c -> per.merge(c.stage(), c.count(), Long::sum));
        return per.entrySet().stream().sorted(Comparator.comparingInt(e -> stageOrder(e.getKey())))
                .map(e -> new Count(e.getKey(), stageLabel(e.getKey()), e.getValue())).toList();
    }

    /** Submitted applications per county: every county for the city, else those counted (and the scope's own). */
    private List<Count> byCounty(ReportingBodies.Scope scope, List<SeasonCount> counts) {
        Map<String, Long> per = new LinkedHashMap<>();
        counts.forEach(c -> per.merge(c.county(), c.count(), Long::sum));
        List<Count> out = new ArrayList<>();
        for (County c : organisations.counties()) {
            long n = per.getOrDefault(c.code(), 0L);
            if (n > 0 || scope.wholeCity() || c.code().equals(scope.county())) {
                out.add(new Count(c.code(), c.name(), n));
            }
        }
        per.keySet().stream().filter(code -> organisations.county(code).isEmpty())
                .forEach(code -> out.add(new Count(code, code, per.get(code))));
        return out;
    }

    private static int stageOrder(String code) {
        try {
            return Stage.valueOf(code).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String stageLabel(String code) {
        try {
            return Stage.valueOf(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private static String seriesLabel(String code) {
        try {
            return Series.valueOf(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
