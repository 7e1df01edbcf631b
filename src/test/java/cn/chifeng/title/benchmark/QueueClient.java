package cn.chifeng.title.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queue part of {@link SeasonBenchmark}, run in a JVM of its own so that the client does not share the server's
 * JVM: signs in to Tasklist as a browser does (session cookie and XSRF token) and measures, alternately,
 * <ul>
 * <li>Tasklist's own calls for the filter 本单位待办: {@code POST /camunda/api/engine/engine/default/filter/{id}/list}
 * (HAL, with the variables the filter shows on its cards) and {@code POST .../filter/{id}/count}, as the county
 * reviewer;</li>
 * <li>the bare engine's candidate-group query and count ({@code POST .../task}, {@code POST .../task/count}) as the
 * bare queue's reviewer, whose group holds as many tasks.</li>
 * </ul>
 * Arguments: base URL, reviewer, password, filter id, bare reviewer, bare group, iterations. Prints a table.
 */
public final class QueueClient {
    private static final String SORTING = "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]";
    private static final String VARIABLE_QUERIES = "\"processVariables\":[],\"taskVariables\":[],"
            + "\"caseInstanceVariables\":[]";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    private QueueClient(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        QueueClient c = new QueueClient(args[0]);
        Session county = c.login(args[1], args[2]);
        Session bare = c.login(args[4], args[2]);
        String filter = args[3];
        String group = args[5];
        int iterations = Integer.parseInt(args[6]);
        String api = "/camunda/api/engine/engine/default";
        String filterBody = "{" + VARIABLE_QUERIES + "," + SORTING + "}";
        String bareBody = "{\"candidateGroup\":\"" + group + "\"," + SORTING + "}";
        String bareCount = "{\"candidateGroup\":\"" + group + "\"}";
        long[][] t = new long[6][iterations];
        int seen = -1;
        int bareSeen = -1;
        for (int i = -30; i < iterations; i++) {
            long a = System.nanoTime();
            String list = c.post(county, api + "/filter/" + filter + "/list?firstResult=0&maxResults=15", filterBody,
                    "application/hal+json");
            long b = System.nanoTime();
            String count = c.post(county, api + "/filter/" + filter + "/count", filterBody, "application/json");
            long d = System.nanoTime();
            c.post(bare, api + "/task?firstResult=0&maxResults=15", bareBody, "application/json");
            long e = System.nanoTime();
            String bareCounted = c.post(bare, api + "/task/count", bareCount, "application/json");
            long f = System.nanoTime();
            if (i < 0) {
                if (!list.contains("\"_embedded\"")) {
                    throw new IllegalStateException("not Tasklist's answer: " + list);
                }
                seen = count(count);
                bareSeen = count(bareCounted);
                continue;
            }
            t[0][i] = b - a;
            t[1][i] = d - b;
            t[2][i] = d - a;
            t[3][i] = e - d;
            t[4][i] = f - e;
            t[5][i] = f - d;
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("本单位待办 as %s: %d tasks; bare group %s: %d tasks; %d calls each, from a separate JVM%n",
                args[1], seen, group, bareSeen, iterations));
        out.append(Figures.header()).append('\n');
        String[] names = {"本单位待办: filter list (HAL, card variables)", "本单位待办: filter count",
                "本单位待办: list + count", "bare: candidate-group task query", "bare: task count",
                "bare: query + count"};
        for (int k = 0; k < names.length; k++) {
            out.append(Figures.row(names[k], t[k])).append('\n');
        }
        out.append(String.format("ratio list + count, 本单位待办 / bare: p50 %.2f×, p95 %.2f×%n",
                Figures.percentile(t[2], 50) / Figures.percentile(t[5], 50),
                Figures.percentile(t[2], 95) / Figures.percentile(t[5], 95)));
        System.out.print(out);
    }

    private static int count(String json) {
        return Integer.parseInt(json.replaceAll("[^0-9]", ""));
    }

    private record Session(String cookies, String xsrf) {
    }

    /** Signs in to Tasklist: the login page's cookies, the login form, then the new session's XSRF token. */
    private Session login(String user, String password) throws IOException, InterruptedException {
        Map<String, String> cookies = new LinkedHashMap<>();
        collect(client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.discarding()), cookies);
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", header(cookies))
                .header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login of " + user + ": " + login.statusCode() + " " + login.body());
        }
        collect(login, cookies);
        collect(client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
                .header("Cookie", header(cookies)).build(), HttpResponse.BodyHandlers.discarding()), cookies);
        return new Session(header(cookies), cookies.get("XSRF-TOKEN"));
    }

    private String post(Session s, String path, String body, String accept) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", accept).header("Cookie", s.cookies())
                .header("X-XSRF-TOKEN", s.xsrf() == null ? "" : s.xsrf())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static void collect(HttpResponse<?> r, Map<String, String> cookies) {
        List<String> set = new ArrayList<>(r.headers().allValues("set-cookie"));
        for (String c : set) {
            String pair = c.split(";")[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
    }

    private static String header(Map<String, String> cookies) {
        return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
