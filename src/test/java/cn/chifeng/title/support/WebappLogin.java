package cn.chifeng.title.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Logs in to a Camunda webapp as a browser does: fetch the CSRF cookie, then post the login form. */
public final class WebappLogin {
    private WebappLogin() {
    }

    /** @return the response of the login request and the cookies of the session afterwards */
    public static Result login(TestRestTemplate http, String user, String password, String app) {
        Map<String, String> cookies = new LinkedHashMap<>();
        ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
        collect(page, cookies);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        h.add(HttpHeaders.COOKIE, header(cookies));
        if (cookies.containsKey("XSRF-TOKEN")) {
            h.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/" + app,
                HttpMethod.POST, new HttpEntity<>(form, h), String.class);
        collect(login, cookies);
        if (login.getStatusCode().is2xxSuccessful()) {
            // the login renews the session; the browser's next request gets the new session's XSRF token
            HttpHeaders next = new HttpHeaders();
            next.add(HttpHeaders.COOKIE, header(cookies));
            collect(http.exchange("/camunda/app/" + app + "/default/", HttpMethod.GET, new HttpEntity<>(next),
                    String.class), cookies);
        }
        return new Result(login, header(cookies));
    }

    private static void collect(ResponseEntity<?> r, Map<String, String> cookies) {
        List<String> set = r.getHeaders().get(HttpHeaders.SET_COOKIE);
        for (String c : set == null ? new ArrayList<String>() : set) {
            String pair = c.split(";")[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
    }

    private static String header(Map<String, String> cookies) {
        return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    /** The login response and the {@code Cookie} header of the logged-in session. */
    public record Result(ResponseEntity<String> response, String cookieHeader) {
    }
}
