package cn.chifeng.title.benchmark;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.chifeng.title.eligibility.EligibilityService;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.season.SeasonService;

/**
 * Benchmark, not a test: prints eligibility checks per second and the mean and p99 latency of
 * {@code POST /api/eligibility/check} over HTTP, and of the DMN evaluation alone. Not part of {@code mvn verify};
 * run with {@code mvn -B verify -Pbenchmark}.
 */
@Tag("benchmark")
class EligibilityCheckBenchmark extends IntegrationTestBase {
    private static final int WARM_UP = 300;
    private static final int MEASURED = 2000;

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    EligibilityService eligibility;
    @Autowired
    SeasonService seasons;

    @Test
    void eligibilityCheckThroughput() {
        Api api = new Api(http, users.applicant("benchmark"));
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<Dossier> dossiers = new ArrayList<>();
        for (String series : List.of("ENGINEERING", "PRIMARY_SECONDARY_TEACHER", "HEALTH", "ACCOUNTING")) {
            for (String level : List.of("INTERMEDIATE", "ASSOCIATE_SENIOR", "SENIOR")) {
                Dossiers d = dossier().series(series).targetLevel(level);
                bodies.add(json.convertValue(d.build(), Map.class));
                dossiers.add(d.build());
            }
        }
        for (int i = 0; i < WARM_UP; i++) {
            call(api, bodies.get(i % bodies.size()));
        }
        long[] http = new long[MEASURED];
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            long t = System.nanoTime();
            call(api, bodies.get(i % bodies.size()));
            http[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        var season = seasons.find(2025).orElseThrow();
        long[] dmn = new long[MEASURED];
        long[] facts = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long f = System.nanoTime();
            Map<String, Object> computed = eligibility.facts(dossiers.get(i % dossiers.size()), season,
                    seasons.today());
            long t = System.nanoTime();
            facts[i] = t - f;
            eligibility.check(computed);
            dmn[i] = System.nanoTime() - t;
        }
        long[] login = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long t = System.nanoTime();
            engine.getIdentityService().checkPassword("benchmark", "pw");
            engine.getIdentityService().createGroupQuery().groupMember("benchmark").list();
            login[i] = System.nanoTime() - t;
        }
        System.out.printf("%n=== eligibility check benchmark (%d requests, 1 client, %d cores) ===%n", MEASURED,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("POST /api/eligibility/check : %.0f checks/s, mean %.2f ms, p99 %.2f ms%n",
                MEASURED / seconds, Figures.mean(http), Figures.p99(http));
        System.out.printf("HTTP Basic check + groups    : mean %.2f ms, p99 %.2f ms%n", Figures.mean(login), Figures.p99(login));
        System.out.printf("facts (incl. archive look-ups): mean %.2f ms, p99 %.2f ms%n", Figures.mean(facts), Figures.p99(facts));
        System.out.printf("DMN decision eligibility     : mean %.2f ms, p99 %.2f ms%n%n", Figures.mean(dmn), Figures.p99(dmn));
    }

    private static void call(Api api, Map<String, Object> body) {
        ResponseEntity<Map<String, Object>> r = api.post("/api/eligibility/check", body);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
