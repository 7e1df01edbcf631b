package cn.chifeng.title.certificate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Attachments;

/**
 * The result certificate's doors (PUB-3, SUP-1):
 * <ul>
 * <li>{@code GET /api/certificates/{number}} — public, no login: is this certificate real and valid?</li>
 * <li>{@code GET /api/certificates/{number}/pdf} — the holder, the committee office, administrators</li>
 * <li>{@code POST /api/certificates/{number}/revocation} {@code {reason}} — the city HR bureau, administrators</li>
 * <li>{@code GET /api/applications/{id}/certificate} — the holder, the committee office, administrators</li>
 * <li>{@code POST /api/applications/{id}/certificate} {@code {passedOn?}} — administrators (demo, corrections)</li>
 * </ul>
 */
@RestController
class CertificateController {
    private final Certificates certificates;
    private final CertificatePdf pdf;
    private final CertificateAccess access;
    private final ApplicationRepository applications;
    private final java.time.Clock clock;

    CertificateController(Certificates certificates, CertificatePdf pdf, CertificateAccess access,
                          ApplicationRepository applications, java.time.Clock clock) {
        this.certificates = certificates;
        this.pdf = pdf;
        this.access = access;
        this.applications = applications;
        this.clock = clock;
    }

    /** Public: what a verifier needs to compare with the paper — never the ID number, nor internal ids. */
    @GetMapping("/api/certificates/{number}")
    Map<String, Object> verify(@PathVariable String number) {
        Certificate c = certificate(number);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", c.number());
        body.put("status", c.status().name());
        body.put("holderName", c.holderName());
        body.put("titleName", c.titleName());
        body.put("series", Series.valueOf(c.series()).label());
        body.put("level", Level.valueOf(c.targetLevel()).label());
        body.put("specialty", c.specialty());
        body.put("committee", access.committeeName(c.committeeGroup()));
        body.put("season", c.season());
        body.put("passedOn", c.passedOn());
        if (c.revoked()) {
            body.put("revokedOn", c.revokedAt().toLocalDate());
            body.put("revokedReason", c.revokedReason());
        }
        body.put("verificationUrl", pdf.verificationUrl(c.number()));
        return body;
    }

    @GetMapping("/api/certificates/{number}/pdf")
    ResponseEntity<byte[]> download(@PathVariable String number) {
        Certificate c = certificate(number);
        ApplicationRecord a = applications.find(c.applicationId()).orElseThrow();
        if (!access.mayHold(a, c.committeeGroup())) {
            throw ApiException.forbidden("只有证书持有人、评委会办事机构和系统管理员可以下载结果证明");
        }
        if (c.revoked()) {
            throw ApiException.conflict("CERTIFICATE_REVOKED", "该结果证明已撤销，不能下载（原因：" + c.revokedReason() + "）");
        }
        byte[] file = pdf.render(c, a.idNumber(), access.committeeName(c.committeeGroup()),
                LocalDate.now(clock.withZone(cn.chifeng.title.common.Zones.CHINA)));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        Attachments.attachment("职称评审结果证明-" + c.holderName() + "-" + c.number() + ".pdf", c.number() + ".pdf"))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file);
    }

    @PostMapping("/api/certificates/{number}/revocation")
    Map<String, Object> revoke(@PathVariable String number, @RequestBody(required = false) Revocation body) {
        if (!access.mayRevoke()) {
            throw ApiException.forbidden("只有市人力资源和社会保障局或系统管理员可以撤销结果证明");
        }
        certificate(number);
        Certificate c = certificates.revoke(number, body == null ? null : body.reason(), access.userId());
        return verify(c.number());
    }

    @GetMapping("/api/applications/{applicationId}/certificate")
    Map<String, Object> ofApplication(@PathVariable String applicationId) {
        ApplicationRecord a = applications.find(applicationId).filter(x -> access.mayHold(x, certificates.committeeOf(x)))
                .orElseThrow(() -> ApiException.notFound("申报 " + applicationId + " 不存在或无权查看"));
        Certificate c = certificates.forApplication(a.id())
                .orElseThrow(() -> ApiException.notFound("该申报尚未出具结果证明"));
        return links(c);
    }

    @PostMapping("/api/applications/{applicationId}/certificate")
    Map<String, Object> issue(@PathVariable String applicationId, @RequestBody(required = false) Issue body) {
        access.requireAdmin();
        LocalDate passedOn = body == null || body.passedOn() == null
                ? LocalDate.now(clock.withZone(cn.chifeng.title.common.Zones.CHINA)) : body.passedOn();
        return links(certificates.issue(applicationId, null, passedOn));
    }

    private Map<String, Object> links(Certificate c) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("number", c.number());
        r.put("status", c.status().name());
        r.put("titleName", c.titleName());
        r.put("verificationUrl", pdf.verificationUrl(c.number()));
        r.put("pdf", "/api/certificates/" + c.number() + "/pdf");
        return r;
    }

    /** 400 naming {@code number} for what cannot be a number; 404 CERTIFICATE_NOT_FOUND for one never issued. */
    private Certificate certificate(String number) {
        String n = CertificateNumber.parse(number)
                .orElseThrow(() -> ApiException.invalid("number", "证书编号格式不正确（应为 ZS + 年度 + - + 20位字母数字，如 "
                        + "ZS2025-XXXXXXXXXXXXXXXXXXXX）"));
        return certificates.find(n).orElseThrow(Certificates::notFound);
    }

    record Revocation(String reason) {
    }

    record Issue(LocalDate passedOn) {
    }
}
