package cn.chifeng.title.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.application.DossierValidator;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.season.Season;
import cn.chifeng.title.season.SeasonService;

/**
 * {@code POST /api/eligibility/check}: the verdict for a dossier without starting anything — for any configured
 * season, open or closed, as of that season's cutoff; whether the window is open today is reported beside it.
 */
@RestController
class EligibilityController {
    private final EligibilityService eligibility;
    private final DossierValidator validator;
    private final SeasonService seasons;

    EligibilityController(EligibilityService eligibility, DossierValidator validator, SeasonService seasons) {
        this.eligibility = eligibility;
        this.validator = validator;
        this.seasons = seasons;
    }

    @PostMapping("/api/eligibility/check")
    Map<String, Object> check(@RequestBody(required = false) Dossier dossier) {
        if (dossier == null) {
            throw ApiException.invalid("body", "请提交申报信息（JSON）");
        }
        LocalDate today = seasons.today();
        List<ApiException.FieldError> errors = new ArrayList<>(validator.validate(dossier, today));
        Season season = dossier.season() == null ? null : seasons.find(dossier.season()).orElse(null);
        if (dossier.season() != null && season == null) {
            errors.add(0, new ApiException.FieldError("season", dossier.season() + " 年度未配置"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Season forSeries = season.forSeries(dossier.series());
        Verdict v = eligibility.check(eligibility.facts(dossier, season, today));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verdict", v.verdict());
        body.put("verdictLabel", v.verdictLabel());
        body.put("channel", v.channel());
        body.put("channelLabel", v.channelLabel());
        body.put("reasons", v.reasons());
        body.put("windowOpen", forSeries.applicationWindowContains(today));
        body.put("asOf", forSeries.qualificationCutoff());
        return body;
    }
}
