package cn.chifeng.title.printform;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ResidentIdNumber;
import cn.chifeng.title.support.BrowserScript;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/**
 * APP-4 in a real browser ({@code src/test/ui/print-forms.mjs}): the applicant logs in on the portal, opens the
 * submitted application and clicks 专业技术职称评审表（PDF） and 专业技术职称送审表（PDF）; both arrive as downloads (saved
 * under {@code target/ui-downloads}) with their Chinese file names, and PDFBox reads in them the heading, the
 * applicant's name and the 申报编号 — the 送审表 with the ID number blind.
 */
class PrintFormsUiIT extends IntegrationTestBase {
    private static final Pattern SAVED = Pattern.compile("saved (review-form|submission-form) (\\S+) as (\\S+)");
    private static final String NAME = "赵丽娟";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationService applications;

    @BeforeEach
    void browserIsInstalled() {
        BrowserScript.requireOrSkip("print forms UI test");
    }

    @Test
    void theApplicantDownloadsTheReviewFormAndTheSubmissionFormFromTheApplicationsPage() throws Exception {
        String applicant = users.applicant("print-ui-" + System.nanoTime());
        String idNumber = Dossiers.randomIdNumber();
        ApplicationRecord a = users.api(applicant, () -> applications.submit(dossier().name(NAME)
                .idNumber(idNumber).build()));
        Path downloads = Path.of("target", "ui-downloads", a.id()).toAbsolutePath();

        BrowserScript.Result r = BrowserScript.run("print-forms.mjs", "print-forms.log", "--base",
                "http://localhost:" + port, "--out", BrowserScript.SCREENSHOTS.toString(), "--id", applicant,
                "--password", TestUsers.PASSWORD, "--application", a.id(), "--downloads", downloads.toString());
        System.out.print(r.output());
        assertThat(r.ok()).as("print-forms.mjs:%n%s", r.output()).isTrue();

        Matcher saved = SAVED.matcher(r.output());
        assertThat(saved.find()).as(r.output()).isTrue();
        assertThat(saved.group(1)).isEqualTo("review-form");
        assertThat(saved.group(3)).isEqualTo("专业技术职称评审表-" + NAME + ".pdf");
        String review = text(Path.of(saved.group(2)));
        assertThat(saved.find()).as(r.output()).isTrue();
        assertThat(saved.group(1)).isEqualTo("submission-form");
        assertThat(saved.group(3)).isEqualTo("专业技术职称送审表-" + NAME + ".pdf");
        String submission = text(Path.of(saved.group(2)));

        assertThat(review).contains("专业技术职称评审表", "姓名" + NAME, "申报编号" + a.id(), "申报编号：" + a.id(),
                "身份证号" + idNumber, "工作单位宁城县中心医院");
        assertThat(submission).contains("专业技术职称送审表", "姓名" + NAME, "申报编号：" + a.id(),
                "身份证号" + ResidentIdNumber.masked(idNumber));
        assertThat(submission).as("the 送审表 keeps the ID number blind").doesNotContain(idNumber);
    }

    /** The text as a reader extracts it, without the spaces and line breaks between cells. */
    private static String text(Path pdf) throws Exception {
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s", "");
        }
    }
}
