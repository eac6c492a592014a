package dev.backfillfleet.bench.fleet;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample of durations in nanoseconds, reported in milliseconds. */
public record Percentiles(int count, double medianMs, double p95Ms, double p99Ms, double maxMs, double meanMs)
{
    public static Percentiles ofNanos(long[] sample)
    {
        if (sample.length == 0) {
            throw new IllegalArgumentException("no sample");
        }
        long[] sorted = sample.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, millis(rank(sorted, 0.50)), millis(rank(sorted, 0.95)), millis(rank(sorted, 0.99)),
                millis(sorted[sorted.length - 1]), Arrays.stream(sorted).average().orElseThrow() / 1e6);
    }

    private static long rank(long[] sorted, double quantile)
    {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos)
    {
        return nanos / 1e6;
    }
}
