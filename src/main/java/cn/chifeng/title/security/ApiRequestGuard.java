package cn.chifeng.title.security;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes {@code /api} browser-safe without a CSRF token (programs authenticate with HTTP Basic, which a browser may
 * cache and send on a foreign page's request):
 * <ul>
 * <li>a request whose {@code Origin} is neither this server nor one of {@code title.security.allowed-origins} is
 * refused, and so is a state-changing request a browser marks {@code Sec-Fetch-Site: cross-site}; a request with
 * no {@code Origin} is a program's;</li>
 * <li>a state-changing request must be {@code application/json} — a foreign page cannot send that without a CORS
 * preflight, which is refused — or, for uploads, {@code multipart/form-data}, which the origin check covers.</li>
 * </ul>
 */
class ApiRequestGuard extends OncePerRequestFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /** The methods that carry a body; DELETE carries none and, like PUT, never leaves a browser without a preflight. */
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final List<String> allowedOrigins;

    ApiRequestGuard(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(ApiRequestGuard::normalise).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request) && !allowedOrigins.contains(normalise(origin))) {
            JsonErrors.write(response, 403, "FOREIGN_ORIGIN", "不接受来自其他网站（" + origin + "）的请求");
            return;
        }
        boolean changes = !SAFE.contains(request.getMethod());
        if (changes && "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site")) && origin == null) {
            JsonErrors.write(response, 403, "FOREIGN_ORIGIN", "不接受来自其他网站的请求");
            return;
        }
        if (WITH_BODY.contains(request.getMethod()) && !acceptedType(request.getContentType())) {
            JsonErrors.write(response, 415, "UNSUPPORTED_MEDIA_TYPE",
                    "请以 Content-Type: application/json 提交（上传文件用 multipart/form-data）");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean acceptedType(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                || "application".equals(type.getType()) && type.getSubtype().endsWith("+json")
                || MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(type);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        String own = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        return normalise(origin).equals(normalise(own));
    }

    /** scheme://host:port in lower case, with the default port made explicit; "null" and junk stay as they are. */
    static String normalise(String origin) {
        try {
            URI u = URI.create(origin.trim());
            if (u.getScheme() == null || u.getHost() == null) {
                return origin;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort() != -1 ? u.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return origin;
        }
    }
}
