package cn.chifeng.title.committee;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.audit.AdminChanges;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.ApiException.FieldError;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.organisation.OrganisationDirectory.BodyKind;
import cn.chifeng.title.security.CurrentUser;

/**
 * {@code /api/quotas/{season}/{kind}} (ELI-13): a season's quota of titles of a kind ({@code SERIES:LEVEL}) — the
 * TOTAL and its shares (CITY for city-level employers, or county codes). Teacher quotas are distributed by the city
 * education bureau, others by the city HR bureau; administrators may set any. Staff read them.
 */
@RestController
class QuotaController {
    private final AdminChanges changes;
    private final Quotas quotas;
    private final OrganisationDirectory organisations;
    private final CurrentUser currentUser;

    QuotaController(Quotas quotas, OrganisationDirectory organisations, CurrentUser currentUser, AdminChanges changes) {
        this.changes = changes;
        this.quotas = quotas;
        this.organisations = organisations;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/quotas/{season}/{kind}")
    Map<String, Object> get(@PathVariable("season") int season, @PathVariable("kind") String kind) {
        if (currentUser.isApplicant()) {
            throw ApiException.forbidden("申报人不能查看评审名额的分配");
        }
        String[] parts = parse(kind);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("season", season);
        out.put("kind", kind);
        out.put("shares", quotas.of(season, kind));
        out.put("used", quotas.used(season, parts[0], parts[1], ""));
        return out;
    }

    @PutMapping("/api/quotas/{season}/{kind}")
    Map<String, Object> put(@PathVariable("season") int season, @PathVariable("kind") String kind,
                            @RequestBody(required = false) Map<String, Integer> shares) {
        String[] parts = parse(kind);
        BodyKind distributor = Series.PRIMARY_SECONDARY_TEACHER.name().equals(parts[0]) ? BodyKind.CITY_EDUCATION
                : BodyKind.CITY_HR;
        String group = organisations.cityBody(distributor).orElseThrow().id();
        if (!currentUser.isAdmin() && !currentUser.inGroup(group)) {
            throw ApiException.forbidden("只有" + organisations.groupName(group) + "可以分配该类评审名额");
        }
        if (shares == null || !shares.containsKey(Quotas.TOTAL)) {
            throw ApiException.invalid("TOTAL", "请给出名额总数 TOTAL");
        }
        List<FieldError> errors = new ArrayList<>();
        int sum = 0;
        for (var e : shares.entrySet()) {
            String scope = e.getKey();
            if (!Quotas.TOTAL.equals(scope) && !"CITY".equals(scope) && organisations.county(scope).isEmpty()) {
                errors.add(new FieldError(scope, "名额范围须为 TOTAL、CITY（市本级）或旗县区代码"));
            }
            if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 100000) {
                errors.add(new FieldError(scope, "名额须为 0 到 100000 之间的整数"));
            } else if (!Quotas.TOTAL.equals(scope)) {
                sum += e.getValue();
            }
        }
        if (errors.isEmpty() && shares.get(Quotas.TOTAL) != null && sum > shares.get(Quotas.TOTAL)) {
            errors.add(new FieldError(Quotas.TOTAL, "各部分名额之和 " + sum + " 超过名额总数 " + shares.get(Quotas.TOTAL)));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        quotas.replace(season, kind, shares);
        changes.record(AdminChanges.Subject.QUOTA, season + "/" + kind, "分配 " + season + " 年度 " + kind + " 评审名额",
                shares);
        return get(season, kind);
    }

    private static String[] parse(String kind) {
        String[] parts = kind == null ? new String[0] : kind.split(":");
        try {
            if (parts.length == 2) {
                Series.valueOf(parts[0]);
                Level.valueOf(parts[1]);
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ApiException.invalid("kind", "名额类别须为 系列:层级，如 PRIMARY_SECONDARY_TEACHER:SENIOR");
    }
}
