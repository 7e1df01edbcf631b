package cn.chifeng.title.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.chifeng.title.eligibility.EligibilityFacts;
import cn.chifeng.title.feel.CachingFeelEngineFactory;
import cn.chifeng.title.support.Dossiers;

/**
 * Benchmark, not a test: the DMN decision {@code eligibility} alone, with the shipped FEEL engine (parses every
 * expression on every evaluation) and with the caching one, side by side. Run with {@code mvn -B verify -Pbenchmark}.
 */
@Tag("benchmark")
class DmnEvaluationBenchmark {
    private static final int WARM_UP = 500;
    private static final int MEASURED = 3000;

    @Test
    void shippedAndCachingFeelSideBySide() throws IOException {
        DmnEngine shipped = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnEngine caching = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration()).feelEngineFactory(new CachingFeelEngineFactory()).buildEngine();
        Map<String, Object> facts = EligibilityFacts.of(Dossiers.dossier().build(), LocalDate.of(2025, 7, 15),
                LocalDate.of(2025, 6, 10), EligibilityFacts.Records.NONE,
                new EligibilityFacts.Places(java.util.Set.of("COUNTY", "TOWNSHIP", "VILLAGE"),
                        java.util.Set.of("TOWNSHIP", "VILLAGE")));
        facts.put("checkDate", "2025-06-10");
        long[] a = run(shipped, facts);
        long[] b = run(caching, facts);
        System.out.printf("%n=== DMN eligibility graph (13 decisions), %d evaluations ===%n", MEASURED);
        System.out.printf("shipped FEEL engine : mean %.3f ms, p99 %.3f ms%n", mean(a), p99(a));
        System.out.printf("caching FEEL engine : mean %.3f ms, p99 %.3f ms%n%n", mean(b), p99(b));
    }

    private static long[] run(DmnEngine engine, Map<String, Object> facts) throws IOException {
        DmnDecision decision;
        try (InputStream in = new FileInputStream("dmn/eligibility.dmn")) {
            decision = engine.parseDecision("eligibility", in);
        }
        for (int i = 0; i < WARM_UP; i++) {
            engine.evaluateDecision(decision, Variables.fromMap(facts));
        }
        long[] t = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long s = System.nanoTime();
            Object r = engine.evaluateDecision(decision, Variables.fromMap(facts)).getSingleResult().getSingleEntry();
            t[i] = System.nanoTime() - s;
            assertThat(r).isNotNull();
        }
        return t;
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    private static double p99(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
    }
}
