package cn.chifeng.title.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.Dossiers;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.eligibility.EligibilityChannels;
import cn.chifeng.title.eligibility.PostQuotas;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.season.Season;
import cn.chifeng.title.season.SeasonService;
import cn.chifeng.title.security.ReportingBodies;

/**
 * The reporting body's 花名册 per level band (ROS-1), its 卫生系统用表 (ROS-3) and its 附件3 统计表 (ROS-2), laid out
 * by {@code reports/rosters.yaml}: the counted applications of the season in the body's scope
 * ({@link ReportingBodies}), never drafts.
 */
@Service
class Reports {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ReportTemplate template;
    private final ReportingBodies bodies;
    private final ApplicationRepository applications;
    private final Dossiers dossiers;
    private final SeasonService seasons;
    private final EligibilityChannels channels;
    private final PostQuotas posts;
    private final OrganisationDirectory organisations;
    private final Clock clock;

    Reports(@Value("${title.reports.rosters:classpath:reports/rosters.yaml}") Resource template,
            ReportingBodies bodies, ApplicationRepository applications, Dossiers dossiers, SeasonService seasons,
            EligibilityChannels channels, PostQuotas posts, OrganisationDirectory organisations, Clock clock) {
        this.template = read(template);
        this.bodies = bodies;
        this.applications = applications;
        this.dossiers = dossiers;
        this.seasons = seasons;
        this.channels = channels;
        this.posts = posts;
        this.organisations = organisations;
        this.clock = clock;
    }

    static ReportTemplate read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return ReportTemplate.read(in, file.getFilename() == null ? file.getDescription() : file.getFilename());
        } catch (IOException e) {
            throw new UncheckedIOException("花名册和统计表版式无法读取: " + file, e);
        }
    }

    /** A produced file: its Chinese name, an ASCII one for old clients, and the .xlsx. */
    record Report(String fileName, String asciiFileName, byte[] content) {
    }

    /** ROS-1: the roster of a level band. */
    Report roster(int year, String band, String body) {
        ReportingBodies.Scope scope = bodies.forCaller(body);
        RosterBand b = RosterBand.parse(band);
        Season season = season(year);
        List<Map<String, Object>> rows = rows(season, scope, a -> b.contains(a.targetLevel()));
        Map<String, String> placeholders = placeholders(year, b.label(), scope);
        String title = ReportTemplate.fill(template.roster().title(), placeholders);
        return new Report(title + "-" + scope.bodyName() + ".xlsx",
                "roster-" + year + "-" + b.name().toLowerCase(java.util.Locale.ROOT) + ".xlsx",
                ReportWorkbook.roster(template.roster(), placeholders, "花名册（" + b.label() + "）", rows));
    }

    /** ROS-3: the health-system roster of the senior health applications, from the same rows as ROS-1. */
    Report healthRoster(int year, String body) {
        ReportingBodies.Scope scope = bodies.forCaller(body);
        Season season = season(year);
        List<Map<String, Object>> rows = rows(season, scope, a -> Series.HEALTH.name().equals(a.series())
                && RosterBand.SENIOR.contains(a.targetLevel()));
        Map<String, String> placeholders = placeholders(year, RosterBand.SENIOR.label(), scope);
        String title = ReportTemplate.fill(template.healthRoster().title(), placeholders);
        return new Report(title + "-" + scope.bodyName() + ".xlsx", "health-roster-" + year + ".xlsx",
                ReportWorkbook.roster(template.healthRoster(), placeholders, "卫生系统用表", rows));
    }

    /** ROS-2: posts against applicants per unit, series and level. */
    Report statistics(int year, String body) {
        ReportingBodies.Scope scope = bodies.forCaller(body);
        season(year);
        List<ApplicationRecord> counted = counted(year, scope);
        Map<String, Map<String, PostQuotas.Posts>> entered = posts.of(counted.stream()
                .map(ApplicationRecord::employerCode).filter(Objects::nonNull).distinct().toList());
        List<StatisticsTable.Row> rows = StatisticsTable.rows(counted, entered, this::countyName);
        Map<String, String> placeholders = placeholders(year, "", scope);
        String title = ReportTemplate.fill(template.statistics().title(), placeholders);
        return new Report(title + "-" + scope.bodyName() + ".xlsx", "statistics-" + year + ".xlsx",
                ReportWorkbook.statistics(template.statistics(), placeholders, rows));
    }

    private Season season(int year) {
        return seasons.find(year).orElseThrow(() -> ApiException.notFound("没有 " + year + " 年度的评审安排"));
    }

    private List<ApplicationRecord> counted(int year, ReportingBodies.Scope scope) {
        return applications.countedInSeason(year, scope.county(), scope.routedThrough());
    }

    private List<Map<String, Object>> rows(Season season, ReportingBodies.Scope scope,
                                           java.util.function.Predicate<ApplicationRecord> which) {
        List<ApplicationRecord> selected = counted(season.year(), scope).stream().filter(which).toList();
        Map<String, String> channelOf = channels.labels(selected.stream().map(ApplicationRecord::processInstanceId)
                .toList());
        Map<String, String> departments = new HashMap<>();
        return selected.stream().map(a -> {
            var d = dossiers.parse(a.dossierJson());
            LocalDate cutoff = season.forSeries(a.series()).qualificationCutoff();
            String department = d.competentDepartment() == null ? null
                    : departments.computeIfAbsent(d.competentDepartment(), organisations::groupName);
            return new RosterRows.Source(a, d, cutoff,
                    a.processInstanceId() == null ? null : channelOf.get(a.processInstanceId()),
                    countyName(a.county()), department);
        }).sorted(RosterRows.ORDER).map(RosterRows::row).toList();
    }

    private String countyName(String code) {
        return organisations.county(code).map(OrganisationDirectory.County::name).orElse(code);
    }

    private Map<String, String> placeholders(int year, String band, ReportingBodies.Scope scope) {
        return Map.of("year", String.valueOf(year), "band", band, "body", scope.bodyName(),
                "date", DAY.format(LocalDate.now(clock.withZone(Zones.CHINA))));
    }
}
