package cn.chifeng.title.committee;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.season.Season;
import cn.chifeng.title.season.SeasonService;
import cn.chifeng.title.security.CurrentUser;

/** {@code POST /api/postponements}: a committee office files its written postponement (延期评审备案, SEA-5). */
@RestController
class PostponementController {
    private final Postponements postponements;
    private final OrganisationDirectory organisations;
    private final SeasonService seasons;
    private final CurrentUser currentUser;
    private final Clock clock;

    PostponementController(Postponements postponements, OrganisationDirectory organisations, SeasonService seasons,
                           CurrentUser currentUser, Clock clock) {
        this.postponements = postponements;
        this.organisations = organisations;
        this.seasons = seasons;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PostMapping("/api/postponements")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> file(@RequestBody(required = false) Request r) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (r == null) {
            throw ApiException.invalid("body", "请提交延期评审备案（JSON）");
        }
        Season season = r.season() == null ? null : seasons.find(r.season()).orElse(null);
        if (season == null) {
            errors.add(new ApiException.FieldError("season", "评审年度未配置"));
        }
        boolean committee = organisations.body(r.committee())
                .filter(b -> b.kind() == OrganisationDirectory.BodyKind.COMMITTEE_OFFICE).isPresent();
        if (!committee) {
            errors.add(new ApiException.FieldError("committee", "评委会（办事机构）代码无效"));
        }
        String reasonProblem = cn.chifeng.title.common.Texts.problem(r.reason(), "不能按期评审的理由", 2000, true);
        if (reasonProblem != null) {
            errors.add(new ApiException.FieldError("reason", reasonProblem));
        }
        if (r.until() == null || season != null && !r.until().isAfter(season.evaluationClose())) {
            errors.add(new ApiException.FieldError("until", "延期至的日期须晚于评审完成日期"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (!currentUser.isAdmin() && !currentUser.inGroup(r.committee())) {
            throw ApiException.forbidden("只有该评委会办事机构可以提交延期评审备案");
        }
        postponements.file(r.season(), r.committee(), r.reason().trim(), r.until(), currentUser.id(),
                Zones.now(clock));
        return Map.of("season", r.season(), "committee", r.committee(), "until", r.until().toString());
    }

    /** A written postponement. */
    record Request(Integer season, String committee, String reason, LocalDate until) {
    }
}
