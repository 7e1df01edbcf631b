package cn.chifeng.title.support;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A small HTTP client for the API tests: JSON in, {@code Map} out, HTTP Basic as the given user. */
public class Api {
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() { };

    private final TestRestTemplate http;
    private final String user;

    public Api(TestRestTemplate http, String user) {
        this.http = http;
        this.user = user;
    }

    public ResponseEntity<Map<String, Object>> get(String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), MAP);
    }

    public ResponseEntity<List<Map<String, Object>>> getList(String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), LIST);
    }

    public ResponseEntity<Map<String, Object>> post(String path, Object body) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers()), MAP);
    }

    public ResponseEntity<Map<String, Object>> put(String path, Object body) {
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers()), MAP);
    }

    public ResponseEntity<String> raw(HttpMethod method, String path, Object body) {
        return http.exchange(path, method, new HttpEntity<>(body, headers()), String.class);
    }

    private HttpHeaders headers() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setAccept(List.of(MediaType.APPLICATION_JSON));
        if (user != null) {
            h.setBasicAuth(user, TestUsers.PASSWORD);
        }
        return h;
    }
}
