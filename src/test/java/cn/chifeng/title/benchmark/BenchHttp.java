package cn.chifeng.title.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The benchmark's HTTP client: JSON over HTTP/1.1 with Basic authentication, as an API client or Tasklist's
 * {@code /engine-rest} calls would send it. Thread-safe; every call answers its status and body, a failed status is
 * an exception naming the call (a benchmark that measures refusals measures nothing).
 */
final class BenchHttp {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String password;

    BenchHttp(String base, String password) {
        this.base = base;
        this.password = password;
    }

    record Response(int status, String body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return read(body, Map.class);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return read(body, List.class);
        }
    }

    Response send(String method, String path, String user, Object body) {
        return send(method, path, user, body, "application/json");
    }

    Response send(String method, String path, String user, Object body, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", accept);
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    /** The call, which must answer 2xx. */
    Response ok(String method, String path, String user, Object body) {
        Response r = send(method, path, user, body);
        if (r.status() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " as " + user + ": " + r.status() + " " + r.body());
        }
        return r;
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String s, Class<T> type) {
        try {
            return JSON.readValue(s, type);
        } catch (IOException e) {
            throw new UncheckedIOException(s, e);
        }
    }
}
