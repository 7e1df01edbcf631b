package cn.chifeng.title.portal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.organisation.OrganisationDirectory.Employer;
import cn.chifeng.title.process.Stage;
import cn.chifeng.title.profile.ProfileService;
import cn.chifeng.title.season.Season;
import cn.chifeng.title.season.SeasonService;
import cn.chifeng.title.security.CurrentUser;

/**
 * 本单位申报 ({@code /portal/unit}): a unit's clerk sees the season's submitted applications of their unit and where
 * each stands, and how many employees' profiles wait for them in Tasklist. Only members of an employer's group; the
 * reviews themselves are Tasklist's.
 */
@Controller
class UnitPages {
    static final int PAGE_SIZE = 100;

    private final ApplicationRepository register;
    private final OrganisationDirectory organisations;
    private final ProfileService profiles;
    private final SeasonService seasons;
    private final CurrentUser currentUser;

    UnitPages(ApplicationRepository register, OrganisationDirectory organisations, ProfileService profiles,
              SeasonService seasons, CurrentUser currentUser) {
        this.register = register;
        this.organisations = organisations;
        this.profiles = profiles;
        this.seasons = seasons;
        this.currentUser = currentUser;
    }

    @GetMapping("/portal/unit")
    String unit(@RequestParam(required = false) String status, @RequestParam(required = false) String year,
                @RequestParam(required = false) String page, @RequestParam(required = false) String q, Model model) {
        List<Employer> units = organisations.employers().stream().filter(e -> currentUser.inGroup(e.group())).toList();
        if (units.isEmpty()) {
            throw ApiException.forbidden("本页面供用人单位经办人使用；审核工作请登录 Tasklist 办理");
        }
        ApplicationStatus wanted = status == null || status.isBlank() ? null : parseStatus(status);
        int season = year == null || year.isBlank() ? seasons.current().map(Season::year)
                .orElse(seasons.today().getYear()) : parseInt("year", year, 2000, 2100);
        int at = page == null || page.isBlank() ? 0 : parseInt("page", page, 0, 100_000);
        List<String> codes = units.stream().map(Employer::code).toList();
        Map<ApplicationStatus, Long> counts = register.countOfEmployers(season, codes);
        if (q != null && q.length() > 50) {
            throw ApiException.invalid("q", "查询（q）不能超过50个字");
        }
        List<ApplicationRecord> rows = register.ofEmployers(season, codes, wanted == null ? null : wanted.name(), q, at,
                PAGE_SIZE);
        long shown = wanted == null ? counts.values().stream().mapToLong(Long::longValue).sum()
                : counts.getOrDefault(wanted, 0L);
        model.addAttribute("units", units);
        model.addAttribute("season", season);
        model.addAttribute("seasons", seasons.all().stream().map(Season::year).toList());
        model.addAttribute("status", wanted);
        model.addAttribute("q", q == null ? "" : q.trim());
        model.addAttribute("statuses", Arrays.stream(ApplicationStatus.values())
                .filter(s -> s != ApplicationStatus.DRAFT).toList());
        model.addAttribute("counts", counts);
        model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("rows", rows.stream().map(UnitPages::row).toList());
        model.addAttribute("page", at);
        model.addAttribute("more", rows.size() == PAGE_SIZE && (long) (at + 1) * PAGE_SIZE < shown);
        model.addAttribute("pendingProfiles", profiles.pendingVerifications(units.stream().map(Employer::group).toList()));
        return "portal/unit";
    }

    /** One application as the clerk's list shows it. */
    record Row(String id, String name, String unit, String series, String level, String status, String stage,
               java.time.OffsetDateTime submittedAt) {
    }

    private static Row row(ApplicationRecord a) {
        return new Row(a.id(), a.applicantName(), a.employerName(), Series.valueOf(a.series()).label(),
                Level.valueOf(a.targetLevel()).label(), a.status().label(),
                a.currentStage() == null ? null : Stage.valueOf(a.currentStage()).label(), a.submittedAt());
    }

    private static ApplicationStatus parseStatus(String status) {
        try {
            ApplicationStatus s = ApplicationStatus.valueOf(status.trim());
            if (s != ApplicationStatus.DRAFT) {
                return s;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw ApiException.invalid("status", "状态（status）无效：" + status);
    }

    private static int parseInt(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiException.invalid(field, field + " 无效：" + value);
    }
}
