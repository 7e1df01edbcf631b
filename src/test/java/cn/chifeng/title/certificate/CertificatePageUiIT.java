package cn.chifeng.title.certificate;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.support.BrowserScript;
import cn.chifeng.title.support.IntegrationTestBase;

/**
 * The public verification page in a real browser, without login: a real number shows 真实有效, a forged one
 * 未查到（可能伪造）, and a number typed into the page's form finds its page — driven by
 * {@code src/test/ui/certificate-page.mjs} (playwright-core, Debian's chromium). Skipped without the browser or the
 * Node packages unless {@code UI_TESTS_REQUIRED=1} (as {@code TasklistUiIT}); screenshots in
 * {@code target/ui-screenshots/certificate-*.png}.
 */
class CertificatePageUiIT extends IntegrationTestBase {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationService applications;
    @Autowired
    ApplicationRepository register;
    @Autowired
    Certificates certificates;

    @BeforeEach
    void browserIsInstalled() {
        BrowserScript.requireOrSkip("certificate page UI test");
    }

    @Test
    void aVerifierSeesARealCertificateAsValidAndAForgedNumberAsNotFound() throws Exception {
        ApplicationRecord a = users.api(users.applicant("cert-ui-" + System.nanoTime()),
                () -> applications.submit(dossier().name("李秀英").series("HEALTH").targetLevel("ASSOCIATE_SENIOR").build()));
        register.setStatus(a.id(), ApplicationStatus.PASSED, null);
        String number = certificates.issue(a.id(), null, LocalDate.of(2025, 6, 8)).number();

        BrowserScript.Result ui = BrowserScript.run("certificate-page.mjs", "certificate-page.log", "--base",
                "http://localhost:" + port, "--valid", number, "--out", BrowserScript.SCREENSHOTS.toString());
        String output = ui.output();
        System.out.print(output);
        assertThat(ui.ok()).as("certificate-page.mjs:%n%s", output).isTrue();
        assertThat(output).contains("valid: 真实有效", "forged: 未查到（可能伪造）");
    }
}
