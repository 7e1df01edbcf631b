package cn.chifeng.title.routing;

import cn.chifeng.title.process.Stage;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.springframework.stereotype.Service;

import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.organisation.OrganisationDirectory.BodyKind;

/**
 * Works out the route of an application (REV-5): the stage list from DMN {@code review-route}, the committee and
 * its seat from DMN {@code committee-assignment}, forwarded level by level up to the seat by DMN
 * {@code route-to-seat} (通知 三(二)4: 评委会不设在本地的，由人力资源和社会保障部门逐级上报); then each stage is
 * resolved to its body's group.
 */
@Service
public class RouteService {
    public static final String DECISION_ROUTE = "review-route";
    public static final String DECISION_COMMITTEE = "committee-assignment";
    public static final String DECISION_TO_SEAT = "route-to-seat";

    private final DecisionService decisions;
    private final OrganisationDirectory organisations;

    RouteService(DecisionService decisions, OrganisationDirectory organisations) {
        this.decisions = decisions;
        this.organisations = organisations;
    }

    public Route route(Dossier d) {
        VariableMap facts = Variables.createVariables()
                .putValue("employerLevel", d.employerLevel()).putValue("employerType", d.employerType())
                .putValue("series", d.series()).putValue("targetLevel", d.targetLevel());
        DmnDecisionRuleResult row = decisions.evaluateDecisionTableByKey(DECISION_ROUTE, facts).getSingleResult();
        if (row == null || row.getSingleEntry() == null) {
            throw new IllegalStateException("审核路径表 review-route 没有匹配的规则: " + facts);
        }
        List<Stage> stages = new ArrayList<>();
        for (Object code : (List<?>) row.getSingleEntry()) {
            stages.add(Stage.valueOf(String.valueOf(code)));
        }
        DmnDecisionRuleResult committeeRow = decisions.evaluateDecisionTableByKey(DECISION_COMMITTEE, facts)
                .getSingleResult();
        if (committeeRow == null) {
            throw new IllegalStateException("评委会分配表 committee-assignment 没有匹配的规则: " + facts);
        }
        String committee = committeeRow.getEntry("committee");
        String seat = committeeRow.getEntry("seat");
        List<Stage> forwarded = forwardToSeat(stages, seat);

        List<String> groups = forwarded.stream().map(s -> groupOf(s, d, committee)).toList();
        return new Route(List.copyOf(forwarded), groups, committee, seat);
    }

    /** The seat (COUNTY, CITY or REGION) of the committee that evaluates a series at a level (committee-assignment). */
    public String seatOf(String series, String targetLevel) {
        DmnDecisionRuleResult row = decisions.evaluateDecisionTableByKey(DECISION_COMMITTEE, Variables.createVariables()
                .putValue("series", series).putValue("targetLevel", targetLevel)).getSingleResult();
        if (row == null) {
            throw new IllegalStateException("评委会分配表 committee-assignment 没有匹配的规则: " + series + " " + targetLevel);
        }
        return row.getEntry("seat");
    }

    /** Forward level by level up to the committee's seat, as the DMN decision {@code route-to-seat} says. */
    List<Stage> forwardToSeat(List<Stage> stages, String seat) {
        Object route = decisions.evaluateDecisionByKey(DECISION_TO_SEAT).variables(Variables.createVariables()
                .putValue("stages", stages.stream().map(Stage::name).toList()).putValue("seat", seat))
                .evaluate().getSingleResult().getSingleEntry();
        if (!(route instanceof List<?> codes)) {
            throw new IllegalStateException("逐级上报规则 route-to-seat 没有给出审核路径: " + stages + " " + seat);
        }
        return codes.stream().map(c -> Stage.valueOf(String.valueOf(c))).toList();
    }

    /** The group of the body responsible for a stage, from the applicant's county, department or series. */
    String groupOf(Stage stage, Dossier d, String committee) {
        return switch (stage) {
            case UNIT -> organisations.employer(d.employerCode())
                    .orElseThrow(() -> new IllegalStateException("用人单位未登记: " + d.employerCode())).group();
            case COMPETENT_DEPT -> d.competentDepartment();
            case TALENT_CENTRE -> county(d, BodyKind.TALENT_CENTRE);
            case COUNTY_EDUCATION -> county(d, BodyKind.COUNTY_EDUCATION);
            case COUNTY_HOUSING -> county(d, BodyKind.COUNTY_HOUSING);
            case COUNTY_HR -> county(d, BodyKind.COUNTY_HR);
            case CITY_EDUCATION -> city(BodyKind.CITY_EDUCATION);
            case CITY_HOUSING -> city(BodyKind.CITY_HOUSING);
            case CITY_HR -> city(BodyKind.CITY_HR);
            case ENTRUSTMENT, REGION_HR -> city(BodyKind.REGION_HR);
            case COMMITTEE_OFFICE -> committee;
        };
    }

    private String county(Dossier d, BodyKind kind) {
        return organisations.countyBody(d.county(), kind)
                .orElseThrow(() -> new IllegalStateException(d.county() + " 没有 " + kind + " 机构")).id();
    }

    private String city(BodyKind kind) {
        return organisations.cityBody(kind).orElseThrow(() -> new IllegalStateException("没有 " + kind + " 机构")).id();
    }
}
