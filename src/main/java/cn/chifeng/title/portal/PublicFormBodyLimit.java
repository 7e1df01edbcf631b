package cn.chifeng.title.portal;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The forms anybody may send (the notice board's objections) take at most {@code maxBytes}: a larger body, or one
 * whose length is not declared, is answered 400 before anything — Spring Security's CSRF check included — reads it.
 * Browsers always declare the length of a form. Runs ahead of the security filters, so it sets the portal's headers.
 */
final class PublicFormBodyLimit extends OncePerRequestFilter {
    private final long maxBytes;
    /** As strict as the portal's own policy: the page loads its style sheet and nothing else. */
    private static final String CSP = "default-src 'none'; style-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    PublicFormBodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length >= 0 && length <= maxBytes) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        String back = request.getRequestURI().replaceFirst("/objections$", "");
        response.getWriter().write("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>提交内容过长</title>"
                + "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/portal/assets/portal.css\">"
                + "<main><h1>提交内容过长</h1><div class=\"notice bad\" role=\"alert\">"
                + (length < 0 ? "请求未注明长度，无法受理。" : "提交的内容超过 " + maxBytes / 1024 + " KB，无法受理。")
                + "异议内容不超过 " + cn.chifeng.title.publicity.PublicityService.OBJECTION_MAX_LENGTH + " 字。</div><p><a href=\"" + escape(back) + "\">返回公示</a></p></main></html>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
