package cn.chifeng.title.support;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Raw HTTP for the security tests: any method, headers, body and source address (127.0.0.x), answer as text. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;
    private final int port;
    private final HttpHeaders headers = new HttpHeaders();
    private String host = "127.0.0.1";

    private Http(TestRestTemplate http, int port) {
        this.http = http;
        this.port = port;
    }

    public static Http to(TestRestTemplate http, int port) {
        return new Http(http, port);
    }

    public Http as(String user, String password) {
        headers.setBasicAuth(user, password);
        return this;
    }

    public Http as(String user) {
        return as(user, TestUsers.PASSWORD);
    }

    /** Connect from another loopback address, i.e. another client address for the server. */
    public Http from(String loopbackAddress) {
        host = loopbackAddress;
        return this;
    }

    public Http header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    public Http json() {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return this;
    }

    public ResponseEntity<String> send(HttpMethod method, String path, Object body) {
        Object payload = body instanceof Map<?, ?> || body instanceof List<?> ? write(body) : body;
        return http.exchange("http://" + host + ":" + port + path, method, new HttpEntity<>(payload, headers),
                String.class);
    }

    public ResponseEntity<String> get(String path) {
        return send(HttpMethod.GET, path, null);
    }

    public ResponseEntity<String> post(String path, Object body) {
        return send(HttpMethod.POST, path, body);
    }

    public ResponseEntity<String> put(String path, Object body) {
        return send(HttpMethod.PUT, path, body);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(ResponseEntity<String> r) {
        try {
            return JSON.readValue(r.getBody(), Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + r.getBody(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(ResponseEntity<String> r) {
        try {
            return JSON.readValue(r.getBody(), List.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + r.getBody(), e);
        }
    }
}
