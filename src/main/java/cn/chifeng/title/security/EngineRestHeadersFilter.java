package cn.chifeng.title.security;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Security headers on {@code /engine-rest} (JSON and files for programs and Camunda Modeler): never sniffed, never
 * framed, nothing loaded, never cached. The webapps set theirs through {@code camunda.bpm.webapp.header-security}.
 */
class EngineRestHeadersFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, new NoStore(response));
    }

    /** Keeps {@code Cache-Control: no-store} although the REST API sets its own {@code no-cache}. */
    private static final class NoStore extends jakarta.servlet.http.HttpServletResponseWrapper {
        NoStore(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Cache-Control".equalsIgnoreCase(name) ? "no-store" : value);
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"Cache-Control".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
