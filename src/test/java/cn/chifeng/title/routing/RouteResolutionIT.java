package cn.chifeng.title.routing;

import static cn.chifeng.title.support.Dossiers.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;

/**
 * The route of every rule of {@code review-route} (REV-5) as the product resolves it for a dossier: the stages in
 * order, the body of each for the dossier's county and department, and the committee ({@code committee-assignment},
 * {@code route-to-seat}) — written as the user task and candidate group each stage becomes. The tables alone are
 * {@code RouteTableTest}; a route of each family run through the process is {@code review/TitleApplicationProcessIT}.
 */
class RouteResolutionIT extends IntegrationTestBase {
    @Autowired
    RouteService routes;

    @Test
    void countyHospitalGoesThroughUnitDepartmentCountyAndCityToTheCityCommittee() {
        resolves(dossier(), "cmte-engineering-city",
                "Task_UnitReview:unit-nc-hospital", "Task_CompetentDeptReview:ningcheng-health",
                "Task_CountyHrReview:ningcheng-hr", "Task_CityHrReview:city-hr",
                "Task_CommitteeOfficeReview:cmte-engineering-city");
    }

    @Test
    void countyAssociateSeniorIsForwardedLevelByLevelToTheRegion() {
        resolves(dossier().targetLevel("ASSOCIATE_SENIOR"), "cmte-engineering-region",
                "Task_UnitReview:unit-nc-hospital", "Task_CompetentDeptReview:ningcheng-health",
                "Task_CountyHrReview:ningcheng-hr", "Task_CityHrReview:city-hr", "Task_RegionHrReview:region-hr",
                "Task_CommitteeOfficeReview:cmte-engineering-region");
    }

    @Test
    void townshipClinicFollowsTheCountyRouteOfItsCounty() {
        resolves(dossier().employer(SD_TOWNSHIP, "松山区当铺地满族乡卫生院", "PUBLIC_INSTITUTION", "TOWNSHIP", "songshan",
                        "songshan-health"), "cmte-engineering-city",
                "Task_UnitReview:unit-sd-township", "Task_CompetentDeptReview:songshan-health",
                "Task_CountyHrReview:songshan-hr", "Task_CityHrReview:city-hr",
                "Task_CommitteeOfficeReview:cmte-engineering-city");
    }

    @Test
    void countySchoolTeacherApplyingSeniorGoesThroughTheEducationBureaus() {
        resolves(dossier().employer(NC_SCHOOL, "宁城县天义第一中学", "PUBLIC_INSTITUTION", "COUNTY", "ningcheng",
                        "ningcheng-edu").series("PRIMARY_SECONDARY_TEACHER").targetLevel("ASSOCIATE_SENIOR"),
                "cmte-pst-city",
                "Task_UnitReview:unit-nc-school", "Task_CountyEducationReview:ningcheng-edu",
                "Task_CityEducationReview:city-edu", "Task_CommitteeOfficeReview:cmte-pst-city");
    }

    @Test
    void countySchoolTeacherApplyingIntermediateFollowsTheDefaultCountyRoute() {
        resolves(dossier().employer(NC_SCHOOL, "宁城县天义第一中学", "PUBLIC_INSTITUTION", "COUNTY", "ningcheng",
                        "ningcheng-edu").series("PRIMARY_SECONDARY_TEACHER"), "cmte-pst-city",
                "Task_UnitReview:unit-nc-school", "Task_CompetentDeptReview:ningcheng-edu",
                "Task_CountyHrReview:ningcheng-hr", "Task_CityHrReview:city-hr",
                "Task_CommitteeOfficeReview:cmte-pst-city");
    }

    @Test
    void countyVocationalTeacherAtAnyLevelGoesThroughTheEducationBureaus() {
        resolves(dossier().employer(HS_VOCATIONAL, "红山区职业技术学校", "PUBLIC_INSTITUTION", "COUNTY", "hongshan",
                        "hongshan-edu").series("SECONDARY_VOCATIONAL_TEACHER"), "cmte-svt-city",
                "Task_UnitReview:unit-hs-vocational", "Task_CountyEducationReview:hongshan-edu",
                "Task_CityEducationReview:city-edu", "Task_CommitteeOfficeReview:cmte-svt-city");
    }

    @Test
    void countyVocationalTeacherApplyingSeniorIsForwardedToTheRegion() {
        resolves(dossier().employer(HS_VOCATIONAL, "红山区职业技术学校", "PUBLIC_INSTITUTION", "COUNTY", "hongshan",
                        "hongshan-edu").series("SECONDARY_VOCATIONAL_TEACHER").targetLevel("SENIOR"),
                "cmte-svt-region",
                "Task_UnitReview:unit-hs-vocational", "Task_CountyEducationReview:hongshan-edu",
                "Task_CityEducationReview:city-edu", "Task_RegionHrReview:region-hr",
                "Task_CommitteeOfficeReview:cmte-svt-region");
    }

    @Test
    void countyConstructionEngineerGoesThroughHousingCountyHrAndCityHousing() {
        resolves(dossier().employer(WN_CONSTRUCTION, "翁牛特旗建筑工程公司", "STATE_ENTERPRISE", "COUNTY", "wengniute",
                        "wengniute-industry").series("CONSTRUCTION_ENGINEERING"), "cmte-construction-city",
                "Task_UnitReview:unit-wn-construction", "Task_CountyHousingReview:wengniute-housing",
                "Task_CountyHrReview:wengniute-hr", "Task_CityHousingReview:city-housing",
                "Task_CommitteeOfficeReview:cmte-construction-city");
    }

    @Test
    void cityHospitalGoesThroughItsDepartmentAndTheCityBureau() {
        resolves(dossier().employer(CITY_HOSPITAL, "赤峰市医院", "PUBLIC_INSTITUTION", "CITY", "hongshan",
                        "city-health"), "cmte-engineering-city",
                "Task_UnitReview:unit-city-hospital", "Task_CompetentDeptReview:city-health",
                "Task_CityHrReview:city-hr", "Task_CommitteeOfficeReview:cmte-engineering-city");
    }

    @Test
    void cityTeacherGoesThroughItsDepartmentAndTheCityEducationBureau() {
        resolves(dossier().employer(CITY_SCHOOL, "赤峰第二中学", "PUBLIC_INSTITUTION", "CITY", "hongshan", "city-edu")
                        .series("PRIMARY_SECONDARY_TEACHER").targetLevel("SENIOR"), "cmte-pst-city",
                "Task_UnitReview:unit-city-school", "Task_CompetentDeptReview:city-edu",
                "Task_CityEducationReview:city-edu", "Task_CommitteeOfficeReview:cmte-pst-city");
    }

    @Test
    void cityConstructionAssistantGoesStraightToTheCityHousingBureau() {
        resolves(dossier().employer(CITY_DESIGN, "赤峰市建筑勘察设计院", "PUBLIC_INSTITUTION", "CITY", "songshan",
                        "city-industry").series("CONSTRUCTION_ENGINEERING").targetLevel("ASSISTANT"),
                "cmte-construction-city",
                "Task_UnitReview:unit-city-design", "Task_CityHousingReview:city-housing",
                "Task_CommitteeOfficeReview:cmte-construction-city");
    }

    @Test
    void privateEnterpriseGoesThroughItsIndustryDepartmentAndTheCountyBureau() {
        resolves(dossier().employer(YB_POWER, "元宝山发电有限责任公司", "PRIVATE_ENTERPRISE", "COUNTY", "yuanbaoshan",
                        "yuanbaoshan-industry").series("ENGINEERING"), "cmte-engineering-city",
                "Task_UnitReview:unit-yb-power", "Task_CompetentDeptReview:yuanbaoshan-industry",
                "Task_CountyHrReview:yuanbaoshan-hr", "Task_CityHrReview:city-hr",
                "Task_CommitteeOfficeReview:cmte-engineering-city");
    }

    @Test
    void socialOrganisationFollowsTheNonPublicRoute() {
        resolves(dossier().employer(AH_ASSOCIATION, "敖汉旗小米产业协会", "SOCIAL_ORGANIZATION", "COUNTY", "aohan",
                        "aohan-agri").series("AGRICULTURE"), "cmte-agriculture-city",
                "Task_UnitReview:unit-ah-association", "Task_CompetentDeptReview:aohan-agri",
                "Task_CountyHrReview:aohan-hr", "Task_CityHrReview:city-hr",
                "Task_CommitteeOfficeReview:cmte-agriculture-city");
    }

    @Test
    void freelancerStartsAtTheTalentCentreOfTheirCounty() {
        resolves(dossier().freelancer("aohan", "aohan-agri").series("AGRICULTURE"), "cmte-agriculture-city",
                "Task_TalentCentreReview:aohan-talent", "Task_CompetentDeptReview:aohan-agri",
                "Task_CountyHrReview:aohan-hr", "Task_CityHrReview:city-hr",
                "Task_CommitteeOfficeReview:cmte-agriculture-city");
    }

    @Test
    void stationedUnitApplyingSeniorNeedsTheEntrustmentLetterAndGoesToTheRegion() {
        resolves(dossier().employer(CENTRAL_GRID, "国网赤峰供电公司", "CENTRAL_STATIONED", "CITY", "hongshan",
                        "city-industry").series("ENGINEERING").targetLevel("ASSOCIATE_SENIOR"),
                "cmte-engineering-region",
                "Task_UnitReview:unit-central-grid", "Task_EntrustmentReview:region-hr",
                "Task_CountyHrReview:hongshan-hr", "Task_CityHrReview:city-hr", "Task_RegionHrReview:region-hr",
                "Task_CommitteeOfficeReview:cmte-engineering-region");
    }

    @Test
    void stationedUnitApplyingIntermediateEntrustsTheCountyBureauDirectly() {
        resolves(dossier().employer(CENTRAL_GRID, "国网赤峰供电公司", "CENTRAL_STATIONED", "CITY", "hongshan",
                        "city-industry").series("ENGINEERING"), "cmte-engineering-city",
                "Task_UnitReview:unit-central-grid", "Task_CountyHrReview:hongshan-hr",
                "Task_CommitteeOfficeReview:cmte-engineering-city");
    }

    /** Asserts the route of the dossier: each expected "task:group" in order, and the committee. */
    private void resolves(Dossiers dossier, String committee, String... stages) {
        Route route = routes.route(dossier.build());
        List<String> resolved = new ArrayList<>();
        for (int i = 0; i < route.stages().size(); i++) {
            resolved.add(TitleApplicationProcess.STAGE_TASKS.get(route.stages().get(i)) + ":" + route.groups().get(i));
        }
        assertThat(resolved).containsExactly(stages);
        assertThat(route.committee()).isEqualTo(committee);
    }
}
