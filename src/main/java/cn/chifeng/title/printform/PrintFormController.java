package cn.chifeng.title.printform;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.common.Attachments;

/**
 * The printable forms of an application (APP-4), for whoever may read it:
 * <ul>
 * <li>{@code GET /api/applications/{id}/forms/review-form.pdf} — 《专业技术职称评审表》</li>
 * <li>{@code GET /api/applications/{id}/forms/submission-form.pdf} — 《专业技术职称送审表》</li>
 * </ul>
 */
@RestController
class PrintFormController {
    private final PrintForms forms;

    PrintFormController(PrintForms forms) {
        this.forms = forms;
    }

    @GetMapping("/api/applications/{id}/forms/review-form.pdf")
    ResponseEntity<byte[]> reviewForm(@PathVariable String id) {
        return download(forms.print(PrintForm.REVIEW_FORM, id));
    }

    @GetMapping("/api/applications/{id}/forms/submission-form.pdf")
    ResponseEntity<byte[]> submissionForm(@PathVariable String id) {
        return download(forms.print(PrintForm.SUBMISSION_FORM, id));
    }

    private static ResponseEntity<byte[]> download(PrintForms.Printed printed) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        Attachments.attachment(printed.fileName(), printed.asciiFileName()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(printed.content());
    }
}
