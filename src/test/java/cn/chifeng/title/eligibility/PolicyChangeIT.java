package cn.chifeng.title.eligibility;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.chifeng.title.deployment.ModelDeployer;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/**
 * A policy officer changes {@code non-public-direct} (5 → 6 years for 中级) and deploys it through the REST API:
 * the same dossier changes verdict with no Java change and no restart, the change survives a restart, and the
 * applications decided before it keep the version that decided them.
 */
class PolicyChangeIT extends IntegrationTestBase {
    private static final String FIVE_YEARS = "<inputEntry id=\"In_non_public_direct_BachelorIntermediate_3\"><text>&gt;= 5</text>";
    private static final String SIX_YEARS = "<inputEntry id=\"In_non_public_direct_BachelorIntermediate_3\"><text>&gt;= 6</text>";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;
    @Autowired
    ModelDeployer deployer;

    @Test
    void aRedeployedTableChangesTheVerdictAtOnceAndSurvivesARestart() throws IOException {
        String shipped = Files.readString(Path.of("dmn/eligibility.dmn"));
        assertThat(shipped).contains(FIVE_YEARS);
        Api applicant = new Api(http, users.applicant("policy-" + System.nanoTime()));
        // a private engineer, bachelor, exactly 5 years of professional work at the 2025-07-15 cutoff, no title yet
        Dossiers engineer = dossier().employer(Dossiers.YB_POWER, "元宝山发电有限责任公司", "PRIVATE_ENTERPRISE",
                        "COUNTY", "yuanbaoshan", "yuanbaoshan-industry").currentLevel("NONE").currentTitleDate(null)
                .workStartDate(LocalDate.of(2020, 7, 15));
        Map<String, Object> body = json.convertValue(engineer.build(), Map.class);

        assertThat(check(applicant, body)).containsEntry("verdict", "ELIGIBLE")
                .containsEntry("channel", "NON_PUBLIC_DIRECT");
        String decidedBefore = (String) applicant.post("/api/applications", body).getBody().get("applicationId");
        String versionBefore = decisionOf(decidedBefore).getDecisionDefinitionId();

        try {
            assertThat(deploy(shipped.replace(FIVE_YEARS, SIX_YEARS)).getStatusCode()).isEqualTo(HttpStatus.OK);

            Map<String, Object> after = check(applicant, body);
            assertThat(after).containsEntry("verdict", "INELIGIBLE");
            assertThat(after.get("channel")).isNull();

            deployer.deploy(); // what a restart does
            assertThat(check(applicant, body)).containsEntry("verdict", "INELIGIBLE");

            HistoricDecisionInstance old = decisionOf(decidedBefore);
            assertThat(old.getDecisionDefinitionId()).isEqualTo(versionBefore);
            assertThat(repository.getDecisionDefinition(versionBefore).getVersion())
                    .isLessThan(repository.createDecisionDefinitionQuery().decisionDefinitionKey("eligibility")
                            .latestVersion().singleResult().getVersion());
        } finally {
            deploy(shipped); // the shipped table again, for the other tests of this context
        }
        assertThat(check(applicant, body)).containsEntry("verdict", "ELIGIBLE");
    }

    private Map<String, Object> check(Api applicant, Map<String, Object> body) {
        return applicant.post("/api/eligibility/check", body).getBody();
    }

    private HistoricDecisionInstance decisionOf(String applicationId) {
        String pid = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(applicationId)
                .singleResult().getId();
        return history.createHistoricDecisionInstanceQuery().processInstanceId(pid).decisionDefinitionKey("eligibility")
                .singleResult();
    }

    /** Deploys the DMN file as a policy officer does from Camunda Modeler: multipart POST to /engine-rest. */
    private ResponseEntity<String> deploy(String dmn) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "policy-change");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("data", new ByteArrayResource(dmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "eligibility.dmn";
            }
        });
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        h.setBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD);
        return http.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, h), String.class);
    }
}
