package cn.chifeng.title.certificate;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.credit.CreditArchive;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/**
 * The result certificate through its doors (PUB-3, SUP-1): issued for a passed application, verified by anyone by
 * its number (a forged or mistyped one told apart), downloaded as a PDF by its holder and the committee office only,
 * revoked by the city HR bureau only — then shown as revoked and recorded in the credit archive.
 */
@Tag("postgres")
class CertificateIT extends IntegrationTestBase {
    static final String FORGED = "ZS2025-0000000000000000000A";
    static final String CITY_HR = "city-hr";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ApplicationService applications;
    @Autowired
    ApplicationRepository register;
    @Autowired
    CreditArchive credit;
    @Autowired
    Certificates certificates;

    /** A senior-health application of a county hospital, passed (the committee stage is not what is tested here). */
    private ApplicationRecord passed(String applicant) {
        ApplicationRecord a = users.api(applicant, () -> applications.submit(dossier().name("张明远").series("HEALTH")
                .targetLevel("ASSOCIATE_SENIOR").build()));
        assertThat(a.status()).as(a.statusReason()).isEqualTo(ApplicationStatus.IN_REVIEW);
        register.setStatus(a.id(), ApplicationStatus.PASSED, null);
        return register.find(a.id()).orElseThrow();
    }

    private String committeeOf(ApplicationRecord a) {
        return certificates.committeeOf(a);
    }

    private String issue(ApplicationRecord a) {
        ResponseEntity<Map<String, Object>> r = new Api(http, TestUsers.ADMIN)
                .post("/api/applications/" + a.id() + "/certificate", Map.of("passedOn", "2025-06-08"));
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.OK);
        return (String) r.getBody().get("number");
    }

    @Test
    void aPassedApplicationsCertificateIsVerifiedByAnyoneAndIssuedOnlyOnce() {
        ApplicationRecord a = passed(users.applicant("cert-holder-" + System.nanoTime()));
        String number = issue(a);
        assertThat(number).matches("ZS2025-[0-9A-HJKMNP-TV-Z]{20}");
        assertThat(issue(a)).as("issuing again").isEqualTo(number);

        ResponseEntity<String> raw = new Api(http, null).raw(HttpMethod.GET, "/api/certificates/" + number, null);
        assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(raw.getBody()).doesNotContain(a.idNumber(), a.id(), a.applicantUserId());
        Map<String, Object> r = new Api(http, null).get("/api/certificates/" + number.toLowerCase()).getBody();
        assertThat(r).containsEntry("number", number).containsEntry("status", "VALID")
                .containsEntry("holderName", "张明远").containsEntry("titleName", "副主任医师")
                .containsEntry("series", "卫生").containsEntry("level", "副高级").containsEntry("passedOn", "2025-06-08")
                .doesNotContainKey("revokedReason");
        assertThat((String) r.get("committee")).endsWith("卫生系列高级职称评审委员会");
        assertThat((String) r.get("verificationUrl")).endsWith("/certificates/" + number);
    }

    @Test
    void aForgedNumberIsNotFoundAndAMalformedOneIsRefusedNamingTheNumber() {
        ResponseEntity<Map<String, Object>> forged = new Api(http, null).get("/api/certificates/" + FORGED);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(forged.getBody()).containsEntry("error", "CERTIFICATE_NOT_FOUND")
                .containsEntry("message", "未查到该证书编号，证书可能是伪造的");

        ResponseEntity<Map<String, Object>> malformed = new Api(http, null).get("/api/certificates/ZS2025-12345");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) malformed.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactly("number");
    }

    @Test
    void onlyTheCityHrBureauRevokesWithAReasonAndTheRevocationIsPublicAndInTheCreditArchive() {
        String holder = users.applicant("cert-revoked-" + System.nanoTime());
        ApplicationRecord a = passed(holder);
        String number = issue(a);
        String path = "/api/certificates/" + number + "/revocation";
        Map<String, Object> reason = Map.of("reason", "经核实申报材料中的论文系伪造");

        assertThat(new Api(http, holder).post(path, reason).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new Api(http, users.reviewer(committeeOf(a))).post(path, reason).getStatusCode())
                .as("the committee office").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new Api(http, users.reviewer("ningcheng-hr")).post(path, reason).getStatusCode())
                .as("a county HR bureau").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new Api(http, null).post(path, reason).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(new Api(http, null).get("/api/certificates/" + number).getBody()).containsEntry("status", "VALID");
        assertThat(credit.count(a.idNumber())).isZero();

        Api cityHr = new Api(http, users.reviewer(CITY_HR));
        ResponseEntity<Map<String, Object>> noReason = cityHr.post(path, Map.of("reason", "  "));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) noReason.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactly("reason");
        assertThat(credit.count(a.idNumber())).isZero();

        ResponseEntity<Map<String, Object>> revoked = cityHr.post(path, reason);
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cityHr.post(path, reason).getStatusCode()).as("twice").isEqualTo(HttpStatus.CONFLICT);

        assertThat(new Api(http, null).get("/api/certificates/" + number).getBody()).containsEntry("status", "REVOKED")
                .containsEntry("revokedReason", "经核实申报材料中的论文系伪造").containsEntry("revokedOn", "2025-06-10");
        assertThat(credit.count(a.idNumber())).as("SUP-1: recorded once").isEqualTo(1);
        assertThat(credit.latestViolation(a.idNumber(), java.time.LocalDate.of(2025, 6, 10)))
                .isEqualTo(java.time.LocalDate.of(2025, 6, 10));
        assertThat(pdf(holder, number).getStatusCode()).as("a revoked certificate is not printed")
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theHolderDownloadsTheChinesePdfAndOtherPeopleCannot() throws Exception {
        String holder = users.applicant("cert-pdf-" + System.nanoTime());
        ApplicationRecord a = passed(holder);
        String number = issue(a);

        ResponseEntity<byte[]> r = pdf(holder, number);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        // (server.servlet.encoding.force adds a charset to every response)
        assertThat(r.getHeaders().getContentType().toString()).startsWith(MediaType.APPLICATION_PDF_VALUE);
        assertThat(r.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment; ")
                .contains("filename=\"" + number + ".pdf\"")
                .contains("filename*=UTF-8''" + java.net.URLEncoder.encode("职称评审结果证明-张明远-", StandardCharsets.UTF_8));
        try (PDDocument doc = Loader.loadPDF(r.getBody())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\R", "");
            assertThat(text).contains("职称评审结果证明", "张明远", "副主任医师", number, "内蒙古人才信息库");
            assertThat(text).doesNotContain(a.idNumber(), a.id());
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("职称评审结果证明");
            for (String key : info.getMetadataKeys()) {
                assertThat(String.valueOf(info.getCustomMetadataValue(key))).as(key)
                        .doesNotContain(a.id(), a.idNumber(), a.applicantUserId());
            }
        }

        assertThat(pdf(users.reviewer(committeeOf(a)), number).getStatusCode()).as("the committee office")
                .isEqualTo(HttpStatus.OK);
        assertThat(pdf(TestUsers.ADMIN, number).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf(users.applicant("cert-other-" + System.nanoTime()), number).getStatusCode())
                .as("another applicant").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pdf(users.reviewer("hongshan-hr"), number).getStatusCode()).as("a reviewer of another body")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pdf(users.reviewer(CITY_HR), number).getStatusCode()).as("the city HR bureau reads, not prints")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pdf(null, number).getStatusCode()).as("anonymous").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(pdf(holder, FORGED).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theHolderFindsTheNumberOfTheirApplicationAndOnlyAdministratorsIssue() {
        String holder = users.applicant("cert-find-" + System.nanoTime());
        ApplicationRecord a = passed(holder);
        String path = "/api/applications/" + a.id() + "/certificate";
        assertThat(new Api(http, holder).get(path).getStatusCode()).as("none yet").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(new Api(http, holder).post(path, Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new Api(http, users.reviewer(committeeOf(a))).post(path, Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        String number = issue(a);

        assertThat(new Api(http, holder).get(path).getBody()).containsEntry("number", number)
                .containsEntry("pdf", "/api/certificates/" + number + "/pdf");
        assertThat(new Api(http, users.reviewer(committeeOf(a))).get(path).getBody()).containsEntry("number", number);
        assertThat(new Api(http, users.applicant("cert-nosy-" + System.nanoTime())).get(path).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(new Api(http, null).get(path).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anApplicationNotPassedGetsNoCertificate() {
        ApplicationRecord a = users.api(users.applicant("cert-early-" + System.nanoTime()),
                () -> applications.submit(dossier().build()));
        ResponseEntity<Map<String, Object>> r = new Api(http, TestUsers.ADMIN)
                .post("/api/applications/" + a.id() + "/certificate", Map.of());
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(r.getBody()).containsEntry("error", "NOT_PASSED");
        assertThat(certificates.forApplication(a.id())).isEmpty();
    }

    @Test
    void thePublicPageSaysValidOrNotFoundWithoutLoginUnderAStrictPolicy() {
        ApplicationRecord a = passed(users.applicant("cert-page-" + System.nanoTime()));
        String number = issue(a);

        ResponseEntity<String> valid = page("/certificates/" + number);
        assertThat(valid.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(valid.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(valid.getBody()).contains("真实有效", "张明远", "副主任医师", number).doesNotContain(a.idNumber());
        String csp = valid.getHeaders().getFirst("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'", "style-src 'sha256-", "frame-ancestors 'none'")
                .doesNotContain("script-src", "unsafe-inline");
        assertThat(valid.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(valid.getHeaders().getFirst("Set-Cookie")).isNull();

        ResponseEntity<String> forged = page("/certificates/" + FORGED);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(forged.getBody()).contains("未查到（可能伪造）");

        ResponseEntity<String> typed = page("/certificates?number=<script>alert(1)</script>");
        assertThat(typed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(typed.getBody()).contains("证书编号格式不正确", "&lt;script&gt;").doesNotContain("<script>");

        // the page's own form: a typed number (any case) is redirected to its page, which the client follows
        ResponseEntity<String> lookUp = page("/certificates?number=" + number.toLowerCase());
        assertThat(lookUp.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(lookUp.getBody()).contains("真实有效", "value=\"" + number + "\"");

        assertThat(http.exchange("/certificates/" + number, HttpMethod.POST, new HttpEntity<>("x"), String.class)
                .getStatusCode()).as("nothing but GET").isIn(HttpStatus.FORBIDDEN, HttpStatus.METHOD_NOT_ALLOWED);
    }

    private ResponseEntity<String> page(String path) {
        HttpHeaders h = new HttpHeaders();
        h.setAccept(List.of(MediaType.TEXT_HTML));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(h), String.class);
    }

    private ResponseEntity<byte[]> pdf(String user, String number) {
        HttpHeaders h = new HttpHeaders();
        h.setAccept(List.of(MediaType.APPLICATION_PDF, MediaType.APPLICATION_JSON));
        if (user != null) {
            h.setBasicAuth(user, TestUsers.PASSWORD);
        }
        return http.exchange("/api/certificates/" + number + "/pdf", HttpMethod.GET, new HttpEntity<>(h), byte[].class);
    }
}
