package cn.chifeng.title.benchmark;

import java.util.Arrays;

/** Mean and percentiles of measured durations (nanoseconds), in milliseconds. */
final class Figures {
    private Figures() {
    }

    static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    static double p50(long[] nanos) {
        return percentile(nanos, 0.50);
    }

    static double p95(long[] nanos) {
        return percentile(nanos, 0.95);
    }

    static double p99(long[] nanos) {
        return percentile(nanos, 0.99);
    }

    private static double percentile(long[] nanos, double share) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * share) - 1] / 1e6;
    }
}
