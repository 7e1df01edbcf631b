package cn.chifeng.title.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.organisation.OrganisationDirectory.Body;
import cn.chifeng.title.organisation.OrganisationDirectory.BodyKind;

/**
 * The reporting bodies and what each reports on (通知 三(二)2–3: 各旗县区人社部门、市直主管部门报送本地区、本部门的材料):
 * a county HR bureau its county's applications, a competent department, talent centre or education/housing bureau
 * the applications routed through it, the city HR bureau (and administrators) the whole city. Applicants, units and
 * other bodies are refused. One scope for every report of a body: the rosters, the statistics, the season at a glance.
 */
@Component
public class ReportingBodies {
    /** Bodies that report the applications routed through them. */
    public static final Set<BodyKind> ROUTED = EnumSet.of(BodyKind.COMPETENT_DEPT, BodyKind.TALENT_CENTRE,
            BodyKind.COUNTY_EDUCATION, BodyKind.COUNTY_HOUSING, BodyKind.CITY_EDUCATION, BodyKind.CITY_HOUSING);

    /**
     * The applications a body reports: with {@code county} those of the county, with {@code routedThrough} those
     * whose route passes the group, with neither the whole city ({@code bodyId} null: an administrator where the
     * organisations name no city HR bureau).
     */
    public record Scope(String bodyId, String bodyName, String county, String routedThrough) {
        public boolean wholeCity() {
            return county == null && routedThrough == null;
        }
    }

    private final OrganisationDirectory organisations;
    private final CurrentUser currentUser;

    ReportingBodies(OrganisationDirectory organisations, CurrentUser currentUser) {
        this.organisations = organisations;
        this.currentUser = currentUser;
    }

    /** The caller's scope, as the body named (or the one reporting body they belong to): 403 if not theirs. */
    public Scope forCaller(String requested) {
        currentUser.id();
        if (currentUser.isApplicant()) {
            throw ApiException.forbidden("申报人不能查看报送单位的花名册、统计表和进度");
        }
        boolean admin = currentUser.isAdmin();
        if (requested != null && !requested.isBlank()) {
            Body body = organisations.body(requested).filter(ReportingBodies::reports).orElseThrow(() ->
                    ApiException.invalid("body", "“" + requested + "”不是报送单位（旗县区人社局、主管部门、"
                            + "教育局、住建局或市人社局）"));
            if (!admin && !currentUser.inGroup(body.id())) {
                throw ApiException.forbidden("只能查看和办理本单位（" + String.join("、", mine().stream()
                        .map(Body::name).toList()) + "）报送的材料");
            }
            return scope(body);
        }
        List<Body> mine = mine();
        if (mine.size() == 1) {
            return scope(mine.get(0));
        }
        if (mine.isEmpty()) {
            if (admin) {
                return organisations.cityBody(BodyKind.CITY_HR).map(this::scope)
                        .orElse(new Scope(null, "赤峰市", null, null));
            }
            throw ApiException.forbidden("只有旗县区人力资源和社会保障局、主管部门和市人力资源和社会保障局是报送单位");
        }
        throw ApiException.invalid("body", "您属于多个报送单位，请用 body 指定其一："
                + String.join("、", mine.stream().map(b -> b.id() + "（" + b.name() + "）").toList()));
    }

    /** The reporting bodies the caller belongs to. */
    public List<Body> mine() {
        return currentUser.groups().stream().map(organisations::body).flatMap(java.util.Optional::stream)
                .filter(ReportingBodies::reports).toList();
    }

    public static boolean reports(Body b) {
        return b.kind() == BodyKind.CITY_HR || b.kind() == BodyKind.COUNTY_HR || ROUTED.contains(b.kind());
    }

    private Scope scope(Body b) {
        return switch (b.kind()) {
            case CITY_HR -> new Scope(b.id(), b.name(), null, null);
            case COUNTY_HR -> new Scope(b.id(), b.name(), b.county(), null);
            default -> new Scope(b.id(), b.name(), null, b.id());
        };
    }
}
