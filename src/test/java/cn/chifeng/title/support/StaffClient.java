package cn.chifeng.title.support;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A reviewer's browser on the staff pages ({@code /staff/**}): signed in to Tasklist, the webapps' session cookie
 * sent along, the CSRF token of the last page's form posted back.
 */
public final class StaffClient {
    /** The token of a page's form, or of its head (every workbench page carries one). */
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

    private final TestRestTemplate http;
    private final String cookie;
    private String csrf;

    private StaffClient(TestRestTemplate http, String cookie) {
        this.http = http;
        this.cookie = cookie;
    }

    public static StaffClient login(TestRestTemplate http, String user) {
        return new StaffClient(http, WebappLogin.login(http, user, TestUsers.PASSWORD, "tasklist").cookieHeader());
    }

    public ResponseEntity<String> get(String path) {
        ResponseEntity<String> r = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
        if (r.getBody() != null) {
            Matcher m = CSRF.matcher(r.getBody());
            if (m.find()) {
                csrf = m.group(1);
            }
        }
        return r;
    }

    public ResponseEntity<byte[]> bytes(String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), byte[].class);
    }

    /** A form post with the token of the last page read; a field may repeat (a list of values). */
    public ResponseEntity<String> post(String path, Map<String, List<String>> fields) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::put);
        if (csrf != null) {
            form.add("_csrf", csrf);
        }
        HttpHeaders h = headers();
        h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(form, h), String.class);
    }

    private HttpHeaders headers() {
        HttpHeaders h = new HttpHeaders();
        h.add(HttpHeaders.COOKIE, cookie);
        return h;
    }
}
