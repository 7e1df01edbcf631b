package cn.chifeng.title.committee;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;

import cn.chifeng.title.common.ApiException;

/** What the committee's staff pages share: the HTML shell, the CSRF field of their forms, an error's text. */
final class StaffHtml {
    private static final String STYLE = "body{font-family:'WenQuanYi Micro Hei','Noto Sans SC',sans-serif;"
            + "margin:2em auto;padding:0 1em;color:#222}.error{color:#b00020}";

    private StaffHtml() {
    }

    /** A page: {@code title} and {@code body} are HTML already escaped; {@code style} adds the page's own rules. */
    static ResponseEntity<String> page(HttpStatus status, String title, String body, String style) {
        String html = "<!doctype html><html lang=zh-CN><head><meta charset=utf-8><title>" + title + "</title>"
                + "<style>" + STYLE + style + "</style></head><body><h1>" + title + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                .body(html);
    }

    /** The hidden field that carries Spring Security's CSRF token of the session. */
    static String csrfField(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return "<input type=hidden name=\"" + htmlEscape(csrf.getParameterName()) + "\" value=\""
                + htmlEscape(csrf.getToken()) + "\">";
    }

    /** The refusal as one line: the field messages, or the message. */
    static String message(ApiException e) {
        return e.fieldMessagesOrMessage();
    }
}
