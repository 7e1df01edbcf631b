package cn.chifeng.title.webapp;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.security.OrganisationAccess;
import cn.chifeng.title.support.Http;
import cn.chifeng.title.support.IntegrationTestBase;

/**
 * What Tasklist shows a reviewer on a task card, through the engine's REST call Tasklist makes ({@code POST
 * /filter/{id}/list} as HAL): the applicant's name, 申报编号, unit, county, series and level with Chinese labels;
 * filters and group names of an older installation are brought up to date at start; Admin's group names and types
 * are Chinese.
 */
class TaskCardsIT extends IntegrationTestBase {
    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ApplicationService applications;
    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    OrganisationAccess access;
    @Autowired
    ObjectMapper json;

    private Filter filter(String name) {
        return filters.createTaskFilterQuery().filterName(name).singleResult();
    }

    @Test
    void aReviewersTaskCardNamesTheApplicantTheApplicationTheUnitTheCountySeriesAndLevel() throws Exception {
        String applicant = users.applicant("cards-" + System.nanoTime());
        ApplicationRecord a = users.api(applicant, () -> applications.submit(dossier().name("韩雪梅")
                .applicantUserId(applicant).build()));

        ResponseEntity<String> list = Http.to(rest, port).as(users.reviewer("unit-nc-hospital")).json()
                .header("Accept", "application/hal+json")
                .post("/engine-rest/filter/" + filter(OrganisationAccess.FILTER_ORGANISATION).getId()
                        + "/list?firstResult=0&maxResults=200", Map.of("processInstanceBusinessKey", a.id()));

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(list.getBody());
        assertThat(body.at("/_embedded/task")).hasSize(1);
        Map<String, String> card = new LinkedHashMap<>();
        body.at("/_embedded/task/0/_embedded/variable").forEach(v -> card.put(v.get("name").asText(),
                v.get("value").asText()));
        assertThat(card).containsEntry("applicantName", "韩雪梅").containsEntry("applicationId", a.id())
                .containsEntry("employerName", "宁城县中心医院").containsEntry("countyName", "宁城县")
                .containsEntry("seriesLabel", "工程").containsEntry("targetLevelLabel", "中级");
    }

    @Test
    void everyFiltersCardVariablesHaveChineseLabelsAndAnOlderFilterIsBroughtUpToDate() {
        for (String name : List.of(OrganisationAccess.FILTER_MINE, OrganisationAccess.FILTER_ORGANISATION,
                OrganisationAccess.FILTER_CITY)) {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> variables = (List<Map<String, String>>) filter(name).getProperties()
                    .get("variables");
            assertThat(variables).as(name).extracting(v -> v.get("name")).containsExactly("applicantName",
                    "applicationId", "employerName", "countyName", "seriesLabel", "targetLevelLabel", "urged");
            assertThat(variables).allSatisfy(v -> assertThat(v.get("label")).matches("\\p{IsHan}+"));
        }

        // as an installation of an earlier version has it: no card variables
        Filter organisation = filter(OrganisationAccess.FILTER_ORGANISATION);
        Map<String, Object> old = new LinkedHashMap<>(organisation.getProperties());
        old.remove("variables");
        filters.saveFilter(organisation.setProperties(old));
        assertThat(filter(OrganisationAccess.FILTER_ORGANISATION).getProperties()).doesNotContainKey("variables");

        access.synchronise();

        assertThat(filter(OrganisationAccess.FILTER_ORGANISATION).getProperties()).containsKey("variables");
        assertThat(filters.createTaskFilterQuery().filterName(OrganisationAccess.FILTER_ORGANISATION).count())
                .as("updated, not added").isEqualTo(1);
    }

    @Test
    void adminShowsGroupsWithChineseNamesAndTypesAlsoWhereAnOlderVersionLeftThemInEnglish() {
        Group unit = identity.createGroupQuery().groupId("unit-nc-hospital").singleResult();
        unit.setType("ORGANISATION");
        identity.saveGroup(unit);
        Group admins = identity.createGroupQuery().groupId("camunda-admin").singleResult();
        admins.setName("camunda BPM Administrators");
        admins.setType("SYSTEM");
        identity.saveGroup(admins);

        access.synchronise();

        assertThat(identity.createGroupQuery().groupId("unit-nc-hospital").singleResult().getType())
                .isEqualTo(OrganisationAccess.TYPE_ORGANISATION);
        assertThat(identity.createGroupQuery().groupId("camunda-admin").singleResult().getName()).isEqualTo("系统管理员");
        assertThat(identity.createGroupQuery().list()).allSatisfy(g -> {
            assertThat(g.getName()).as(g.getId()).containsPattern("\\p{IsHan}");
            assertThat(g.getType()).as(g.getId()).containsPattern("\\p{IsHan}");
        });
    }
}
