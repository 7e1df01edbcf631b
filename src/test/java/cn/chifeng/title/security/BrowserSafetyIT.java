package cn.chifeng.title.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.support.TestUsers;

/**
 * Attack: a foreign web page makes the applicant's browser, which holds cached HTTP Basic credentials, withdraw the
 * application or upload a file (CSRF); a response is framed, sniffed or cached. Refused, and the product's and the
 * engine's answers carry security headers; materials download as attachments.
 */
class BrowserSafetyIT extends SecurityTestBase {
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private ResponseEntity<String> withdraw(String applicant, ApplicationRecord a, MediaType type, String origin) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(applicant, TestUsers.PASSWORD);
        if (type != null) {
            h.setContentType(type);
        }
        if (origin != null) {
            h.setOrigin(origin);
        }
        return rest.exchange("/api/applications/" + a.id() + "/withdraw", HttpMethod.POST,
                new HttpEntity<>(type == MediaType.APPLICATION_FORM_URLENCODED ? "confirm=1" : "{}", h), String.class);
    }

    private ResponseEntity<String> upload(String applicant, ApplicationRecord a, String origin) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(applicant, TestUsers.PASSWORD);
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        if (origin != null) {
            h.setOrigin(origin);
        }
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("item", "EDUCATION");
        parts.add("file", new ByteArrayResource(PDF) {
            @Override
            public String getFilename() {
                return "学历证书.pdf";
            }
        });
        return rest.exchange("/api/applications/" + a.id() + "/materials", HttpMethod.POST,
                new HttpEntity<>(parts, h), String.class);
    }

    @Test
    void aForeignPageCannotWithdrawAnApplication() {
        String applicant = unique("csrf");
        ApplicationRecord a = submitted(applicant);

        ResponseEntity<String> foreign = withdraw(applicant, a, MediaType.APPLICATION_JSON, "https://evil.example");
        ResponseEntity<String> form = withdraw(applicant, a, MediaType.APPLICATION_FORM_URLENCODED, null);
        ResponseEntity<String> text = withdraw(applicant, a, MediaType.TEXT_PLAIN, null);

        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(foreign.getBody()).contains("FOREIGN_ORIGIN");
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(text.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(reread(a).status()).isEqualTo(ApplicationStatus.IN_REVIEW);

        // the product's own page (same origin) and a program (no Origin) may
        assertThat(withdraw(applicant, a, MediaType.APPLICATION_JSON, "http://localhost:" + port).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(reread(a).status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    }

    @Test
    void aForeignPageCannotUploadButTheApplicantCan() {
        String applicant = unique("csrf-upload");
        ApplicationRecord a = submitted(applicant);

        assertThat(upload(applicant, a, "https://evil.example").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http().as(applicant).get("/api/applications/" + a.id() + "/materials").getBody())
                .contains("\"materials\":[]");
        assertThat(upload(applicant, a, "http://localhost:" + port).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(upload(applicant, a, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aForeignPreflightIsRefused() {
        ResponseEntity<String> r = http().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .send(HttpMethod.OPTIONS, "/api/applications", null);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(r.getHeaders().getAccessControlAllowOrigin()).isNull();
    }

    @Test
    void answersCarrySecurityHeaders() {
        String applicant = users.applicant(unique("headers"));
        HttpHeaders api = http().as(applicant).get("/api/applications").getHeaders();
        HttpHeaders engineRest = http().as(users.reviewer("ningcheng-hr")).get("/engine-rest/task/count").getHeaders();
        HttpHeaders tasklist = rest.getForEntity("/camunda/app/tasklist/default/", String.class).getHeaders();

        for (HttpHeaders h : new HttpHeaders[] {api, engineRest}) {
            assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(h.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(h.getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(h.getCacheControl()).contains("no-store");
        }
        // the webapps keep Camunda's own policy (scripts with a nonce), which a global one would break
        assertThat(tasklist.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'", "nonce-");
        assertThat(tasklist.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void materialsDownloadAsAttachments() {
        String applicant = unique("download");
        ApplicationRecord a = submitted(applicant);
        String body = upload(applicant, a, null).getBody();
        String id = body.replaceAll(".*\"id\":(\\d+).*", "$1");

        ResponseEntity<String> file = http().as(applicant).get("/api/applications/" + a.id() + "/materials/" + id);

        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
        assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
