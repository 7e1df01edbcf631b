package cn.chifeng.title.benchmark;

import java.util.Arrays;
import java.util.Collection;

/** Mean and percentiles of measured durations (nanoseconds), in milliseconds. */
final class Figures {
    private Figures() {
    }

    static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    static double p50(long[] nanos) {
        return percentile(nanos, 50);
    }

    static double p95(long[] nanos) {
        return percentile(nanos, 95);
    }

    static double p99(long[] nanos) {
        return percentile(nanos, 99);
    }

    /** The nearest-rank percentile, in milliseconds; 0 for no measurement. */
    static double percentile(long[] nanos, double p) {
        if (nanos.length == 0) {
            return 0;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100) - 1)] / 1e6;
    }

    static long[] of(Collection<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).toArray();
    }

    /** {@code name  n  p50  p95  p99} in milliseconds, one line of a latency table. */
    static String row(String name, long[] nanos) {
        return String.format("%-44s %7d %9.1f %9.1f %9.1f", name, nanos.length, percentile(nanos, 50),
                percentile(nanos, 95), percentile(nanos, 99));
    }

    static String header() {
        return String.format("%-44s %7s %9s %9s %9s", "", "n", "p50 ms", "p95 ms", "p99 ms");
    }

    /** Heap in use after a full collection, in MiB. */
    static long heapAfterGcMiB() {
        System.gc();
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
