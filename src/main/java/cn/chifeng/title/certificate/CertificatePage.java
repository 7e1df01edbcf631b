package cn.chifeng.title.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.common.Placeholders;

/**
 * The public verification page {@code GET /certificates/{number}} (what the QR code opens): server-rendered, no
 * login, no script; every value is escaped into the template {@code title.certificate.page-template}.
 * {@code GET /certificates?number=} (the page's own form) redirects to it.
 */
@Controller
class CertificatePage {
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private final Certificates certificates;
    private final CertificateAccess access;
    private final String template;
    /** The CSP source that allows exactly the template's one style element, by its SHA-256. */
    final String styleHash;

    CertificatePage(Certificates certificates, CertificateAccess access,
                    @Value("${title.certificate.page-template:classpath:certificate-page.html}") Resource file) {
        this.certificates = certificates;
        this.access = access;
        try (InputStream in = file.getInputStream()) {
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取结果证明核验页模板 " + file, e);
        }
        Matcher style = STYLE.matcher(template);
        this.styleHash = style.find() ? "'sha256-" + Base64.getEncoder().encodeToString(sha256(style.group(1))) + "'"
                : "'none'";
    }

    @GetMapping("/certificates")
    ResponseEntity<String> lookUp(@RequestParam(required = false) String number) {
        Optional<String> n = CertificateNumber.parse(number);
        if (n.isPresent()) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/certificates/" + n.get())).build();
        }
        return number == null || number.isBlank()
                ? page(HttpStatus.OK, "unknown", "请输入证书编号", "证书编号印在结果证明上，也可扫描其二维码。", "", "")
                : malformed(number);
    }

    @GetMapping("/certificates/{number}")
    ResponseEntity<String> show(@PathVariable String number) {
        Optional<String> n = CertificateNumber.parse(number);
        if (n.isEmpty()) {
            return malformed(number);
        }
        Optional<Certificate> found = certificates.find(n.get());
        if (found.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "unknown", "未查到（可能伪造）",
                    "未查到证书编号 " + n.get() + "，该证明可能是伪造的。请核对编号，或向出具证明的评委会办事机构核实。", "", n.get());
        }
        Certificate c = found.get();
        String details = "<table>"
                + row("姓名", c.holderName())
                + row("职称名称", c.titleName())
                + row("职称系列", Series.valueOf(c.series()).label() + "（" + Level.valueOf(c.targetLevel()).label() + "）")
                + row("专业", c.specialty() == null ? "—" : c.specialty())
                + row("评审委员会", Optional.ofNullable(access.committeeName(c.committeeGroup())).orElse("—"))
                + row("评审通过日期", CHINESE_DATE.format(c.passedOn()))
                + row("证书编号", c.number())
                + (c.revoked() ? row("撤销日期", CHINESE_DATE.format(c.revokedAt())) + row("撤销原因", c.revokedReason()) : "")
                + "</table>";
        return c.revoked()
                ? page(HttpStatus.OK, "revoked", "已撤销（" + c.revokedReason() + "）",
                        "该结果证明已被撤销，不再有效。", details, c.number())
                : page(HttpStatus.OK, "valid", "真实有效", "该结果证明由赤峰市职称评审工作系统出具，真实有效。", details, c.number());
    }

    private ResponseEntity<String> malformed(String number) {
        return page(HttpStatus.BAD_REQUEST, "unknown", "证书编号格式不正确",
                "证书编号形如 ZS2025- 后接20位字母数字，请核对后重新输入。", "", number);
    }

    private ResponseEntity<String> page(HttpStatus status, String statusClass, String statusText, String statusNote,
                                        String details, String number) {
        String html = Placeholders.fill(template, Map.of("statusClass", statusClass, "statusText", esc(statusText),
                "statusNote", esc(statusNote), "details", details,
                "number", esc(number == null ? "" : number.length() > 60 ? number.substring(0, 60) : number)));
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html);
    }

    private static String row(String name, String value) {
        return "<tr><th>" + esc(name) + "</th><td>" + esc(value) + "</td></tr>";
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, StandardCharsets.UTF_8.name());
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
