package cn.chifeng.title.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts calls; an expression such as {@code ${evaluationProbe.touch()}} reveals by this count that it ran. */
public class EvaluationProbe {
    private final AtomicInteger hits = new AtomicInteger();

    public String touch() {
        hits.incrementAndGet();
        return "nobody";
    }

    public int hits() {
        return hits.get();
    }
}
