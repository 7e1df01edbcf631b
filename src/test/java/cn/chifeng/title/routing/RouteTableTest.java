package cn.chifeng.title.routing;

import cn.chifeng.title.process.Stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped route table (DMN {@code review-route}) and committee seats (DMN {@code committee-assignment}), read
 * from the top-level {@code dmn/} folder, evaluated with the DMN engine alone: one row per route of REV-5.
 */
class RouteTableTest {
    private static final DmnEngine DMN = cn.chifeng.title.feel.CachingFeelEngineFactory.dmnEngine(); // as the product evaluates
    private static DmnDecision route;
    private static DmnDecision committee;
    private static DmnDecision toSeat;

    @BeforeAll
    static void parse() throws IOException {
        route = decision("dmn/review-route.dmn", "review-route");
        committee = decision("dmn/committee-assignment.dmn", "committee-assignment");
        toSeat = decision("dmn/route-to-seat.dmn", "route-to-seat");
    }

    private static DmnDecision decision(String file, String key) throws IOException {
        try (InputStream in = new FileInputStream(file)) {
            return DMN.parseDecision(key, in);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} → {4}")
    @CsvSource(delimiter = ';', textBlock = """
            COUNTY;PUBLIC_INSTITUTION;HEALTH;INTERMEDIATE;UNIT COMPETENT_DEPT COUNTY_HR CITY_HR COMMITTEE_OFFICE
            TOWNSHIP;PUBLIC_INSTITUTION;AGRICULTURE;ASSISTANT;UNIT COMPETENT_DEPT COUNTY_HR CITY_HR COMMITTEE_OFFICE
            COUNTY;STATE_ENTERPRISE;ENGINEERING;SENIOR;UNIT COMPETENT_DEPT COUNTY_HR CITY_HR REGION_HR COMMITTEE_OFFICE
            COUNTY;PUBLIC_INSTITUTION;PRIMARY_SECONDARY_TEACHER;ASSOCIATE_SENIOR;UNIT COUNTY_EDUCATION CITY_EDUCATION COMMITTEE_OFFICE
            COUNTY;PUBLIC_INSTITUTION;PRIMARY_SECONDARY_TEACHER;SENIOR;UNIT COUNTY_EDUCATION CITY_EDUCATION COMMITTEE_OFFICE
            COUNTY;PUBLIC_INSTITUTION;PRIMARY_SECONDARY_TEACHER;INTERMEDIATE;UNIT COMPETENT_DEPT COUNTY_HR CITY_HR COMMITTEE_OFFICE
            COUNTY;PUBLIC_INSTITUTION;SECONDARY_VOCATIONAL_TEACHER;ASSISTANT;UNIT COUNTY_EDUCATION CITY_EDUCATION COMMITTEE_OFFICE
            COUNTY;PUBLIC_INSTITUTION;SECONDARY_VOCATIONAL_TEACHER;SENIOR;UNIT COUNTY_EDUCATION CITY_EDUCATION REGION_HR COMMITTEE_OFFICE
            COUNTY;PUBLIC_INSTITUTION;TECHNICAL_SCHOOL_TEACHER;INTERMEDIATE;UNIT COMPETENT_DEPT COUNTY_HR CITY_HR COMMITTEE_OFFICE
            TOWNSHIP;PUBLIC_INSTITUTION;CONSTRUCTION_ENGINEERING;INTERMEDIATE;UNIT COUNTY_HOUSING COUNTY_HR CITY_HOUSING COMMITTEE_OFFICE
            COUNTY;PUBLIC_INSTITUTION;CONSTRUCTION_ENGINEERING;ASSOCIATE_SENIOR;UNIT COMPETENT_DEPT COUNTY_HR CITY_HR REGION_HR COMMITTEE_OFFICE
            CITY;PUBLIC_INSTITUTION;HEALTH;INTERMEDIATE;UNIT COMPETENT_DEPT CITY_HR COMMITTEE_OFFICE
            CITY;PUBLIC_INSTITUTION;HEALTH;SENIOR;UNIT COMPETENT_DEPT CITY_HR REGION_HR COMMITTEE_OFFICE
            CITY;PUBLIC_INSTITUTION;PRIMARY_SECONDARY_TEACHER;SENIOR;UNIT COMPETENT_DEPT CITY_EDUCATION COMMITTEE_OFFICE
            CITY;STATE_ENTERPRISE;SECONDARY_VOCATIONAL_TEACHER;INTERMEDIATE;UNIT COMPETENT_DEPT CITY_EDUCATION COMMITTEE_OFFICE
            CITY;PUBLIC_INSTITUTION;CONSTRUCTION_ENGINEERING;ASSISTANT;UNIT CITY_HOUSING COMMITTEE_OFFICE
            CITY;PUBLIC_INSTITUTION;CONSTRUCTION_ENGINEERING;SENIOR;UNIT COMPETENT_DEPT CITY_HR REGION_HR COMMITTEE_OFFICE
            COUNTY;PRIVATE_ENTERPRISE;ENGINEERING;INTERMEDIATE;UNIT COMPETENT_DEPT COUNTY_HR CITY_HR COMMITTEE_OFFICE
            CITY;SOCIAL_ORGANIZATION;ECONOMICS;ASSOCIATE_SENIOR;UNIT COMPETENT_DEPT COUNTY_HR CITY_HR REGION_HR COMMITTEE_OFFICE
            COUNTY;PRIVATE_ENTERPRISE;PRIMARY_SECONDARY_TEACHER;SENIOR;UNIT COMPETENT_DEPT COUNTY_HR CITY_HR COMMITTEE_OFFICE
            ;FREELANCER;ARTS_AND_CRAFTS;INTERMEDIATE;TALENT_CENTRE COMPETENT_DEPT COUNTY_HR CITY_HR COMMITTEE_OFFICE
            CITY;CENTRAL_STATIONED;ENGINEERING;ASSOCIATE_SENIOR;UNIT ENTRUSTMENT COUNTY_HR CITY_HR REGION_HR COMMITTEE_OFFICE
            COUNTY;OTHER_PROVINCE_STATIONED;HEALTH;SENIOR;UNIT ENTRUSTMENT COUNTY_HR CITY_HR REGION_HR COMMITTEE_OFFICE
            CITY;CENTRAL_STATIONED;ENGINEERING;INTERMEDIATE;UNIT COUNTY_HR COMMITTEE_OFFICE
            """)
    void routeOfEachRowForwardedToTheCommitteeSeat(String level, String type, String series, String target,
                                                   String expected) {
        VariableMap facts = Variables.createVariables().putValue("employerLevel", level)
                .putValue("employerType", type).putValue("series", series).putValue("targetLevel", target);
        List<Stage> stages = ((List<?>) DMN.evaluateDecisionTable(route, facts).getSingleResult().getSingleEntry())
                .stream().map(o -> Stage.valueOf(o.toString())).toList();
        DmnDecisionRuleResult seat = DMN.evaluateDecisionTable(committee, facts).getSingleResult();

        List<Stage> forwarded = forwardToSeat(stages, seat.getEntry("seat"));

        assertThat(forwarded).containsExactlyElementsOf(Arrays.stream(expected.split(" ")).map(Stage::valueOf).toList());
    }

    /** The shipped rule {@code route-to-seat}, as the process evaluates it. */
    private static List<Stage> forwardToSeat(List<Stage> stages, String seat) {
        Object route = DMN.evaluateDecision(toSeat, Variables.createVariables()
                .putValue("stages", stages.stream().map(Stage::name).toList()).putValue("seat", seat))
                .getSingleResult().getSingleEntry();
        return ((List<?>) route).stream().map(o -> Stage.valueOf(o.toString())).toList();
    }

    @Test
    void aRegionSeatGoesThroughTheRegionBureauAndTheOfficeIsLast() {
        assertThat(forwardToSeat(List.of(Stage.UNIT, Stage.COMMITTEE_OFFICE, Stage.CITY_HR), "REGION"))
                .containsExactly(Stage.UNIT, Stage.CITY_HR, Stage.REGION_HR, Stage.COMMITTEE_OFFICE);
        assertThat(forwardToSeat(List.of(Stage.UNIT, Stage.REGION_HR, Stage.COMMITTEE_OFFICE), "REGION"))
                .containsExactly(Stage.UNIT, Stage.REGION_HR, Stage.COMMITTEE_OFFICE);
        assertThat(forwardToSeat(List.of(Stage.UNIT, Stage.CITY_HR, Stage.COMMITTEE_OFFICE), "CITY"))
                .containsExactly(Stage.UNIT, Stage.CITY_HR, Stage.COMMITTEE_OFFICE);
    }

    @Test
    void aCountySeatEndsTheRouteAtTheCountyBureau() {
        List<Stage> stages = List.of(Stage.UNIT, Stage.COMPETENT_DEPT, Stage.COUNTY_HR, Stage.CITY_HR,
                Stage.COMMITTEE_OFFICE);
        assertThat(forwardToSeat(stages, "COUNTY"))
                .containsExactly(Stage.UNIT, Stage.COMPETENT_DEPT, Stage.COUNTY_HR, Stage.COMMITTEE_OFFICE);
    }

    @Test
    void committeeSeatsFollowTheNotice() {
        assertThat(seat("PRIMARY_SECONDARY_TEACHER", "SENIOR")).isEqualTo("CITY");
        assertThat(seat("PRIMARY_SECONDARY_TEACHER", "ASSOCIATE_SENIOR")).isEqualTo("CITY");
        assertThat(seat("SECONDARY_VOCATIONAL_TEACHER", "ASSOCIATE_SENIOR")).isEqualTo("CITY");
        assertThat(seat("SECONDARY_VOCATIONAL_TEACHER", "SENIOR")).isEqualTo("REGION");
        assertThat(seat("HEALTH", "ASSOCIATE_SENIOR")).isEqualTo("REGION");
        assertThat(seat("ARTS_AND_CRAFTS", "SENIOR")).isEqualTo("REGION");
        assertThat(seat("ACCOUNTING", "INTERMEDIATE")).isEqualTo("CITY");
    }

    @Test
    void bothTablesUseFirstHitAndCiteTheirClauseOnEveryRule() throws IOException {
        for (String file : List.of("dmn/review-route.dmn", "dmn/committee-assignment.dmn")) {
            DmnModelInstance model = Dmn.readModelFromFile(new java.io.File(file));
            for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
                assertThat(table.getHitPolicy()).as(file).isEqualTo(HitPolicy.FIRST); // written in the file: DmnLint
                for (Rule rule : table.getRules()) {
                    assertThat(rule.getDescription()).as(file + " " + rule.getId()).isNotNull();
                    assertThat(rule.getDescription().getTextContent()).as(rule.getId()).contains("通知");
                }
            }
        }
    }

    @Test
    void everyCombinationHasARouteAndACommittee() {
        for (String level : List.of("CITY", "COUNTY", "TOWNSHIP")) {
            for (String type : List.of("PUBLIC_INSTITUTION", "STATE_ENTERPRISE", "PRIVATE_ENTERPRISE",
                    "SOCIAL_ORGANIZATION", "FREELANCER", "CENTRAL_STATIONED", "OTHER_PROVINCE_STATIONED")) {
                for (String series : List.of("ENGINEERING", "CONSTRUCTION_ENGINEERING", "PRIMARY_SECONDARY_TEACHER",
                        "SECONDARY_VOCATIONAL_TEACHER", "TECHNICAL_SCHOOL_TEACHER", "HEALTH", "ACCOUNTING",
                        "ECONOMICS", "AGRICULTURE", "ARTS_AND_CRAFTS")) {
                    for (String target : List.of("ASSISTANT", "INTERMEDIATE", "ASSOCIATE_SENIOR", "SENIOR")) {
                        VariableMap facts = Variables.createVariables().putValue("employerLevel", level)
                                .putValue("employerType", type).putValue("series", series)
                                .putValue("targetLevel", target);
                        assertThat(DMN.evaluateDecisionTable(route, facts).getSingleResult()).as(facts.toString())
                                .isNotNull();
                        DmnDecisionRuleResult c = DMN.evaluateDecisionTable(committee, facts).getSingleResult();
                        assertThat(c).as(facts.toString()).isNotNull();
                        assertThat((String) c.getEntry("committee")).startsWith("cmte-");
                    }
                }
            }
        }
    }

    private static String seat(String series, String target) {
        return DMN.evaluateDecisionTable(committee, Variables.createVariables().putValue("series", series)
                .putValue("targetLevel", target)).getSingleResult().getEntry("seat");
    }
}
