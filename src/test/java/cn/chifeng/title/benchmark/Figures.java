package cn.chifeng.title.benchmark;

import java.util.Arrays;

/** Mean and 99th percentile of measured durations (nanoseconds), in milliseconds. */
final class Figures {
    private Figures() {
    }

    static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    static double p99(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
    }
}
