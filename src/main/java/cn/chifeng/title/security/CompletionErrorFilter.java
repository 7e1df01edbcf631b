package cn.chifeng.title.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Task completions on {@code /engine-rest} and the webapps' {@code /camunda/api/engine} (what Tasklist calls): when
 * the {@link EngineGuard} refused the completion, the answer is 400 with the Chinese message alone — not the REST
 * API's "Cannot submit task form …: …" — so Tasklist shows people exactly what to correct.
 */
class CompletionErrorFilter extends OncePerRequestFilter {
    private static final Pattern COMPLETION = Pattern.compile(".*/task/[^/]+/(complete|submit-form|resolve)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EngineGuard.takeRefusal();
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
        } finally {
            String refusal = EngineGuard.takeRefusal();
            if (refusal != null && wrapper.getStatus() >= 400) {
                wrapper.resetBuffer();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", "InvalidRequestException");
                body.put("message", refusal);
                body.put("code", 0);
                response.setStatus(400);
                response.setContentType("application/json;charset=UTF-8");
                byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
                response.setContentLength(bytes.length);
                response.getOutputStream().write(bytes);
            } else {
                wrapper.copyBodyToResponse();
            }
        }
    }
}
