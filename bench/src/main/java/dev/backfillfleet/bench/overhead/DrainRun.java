package dev.backfillfleet.bench.overhead;

/**
 * One worker process draining {@code synthetic} dates at L = 0 with {@code queued} dates in the
 * queue: the steady rate over its completions {@code skipped + 1} to {@code measured} (the first
 * ones, during JIT warm-up, left out).
 */
public record DrainRun(int queued, int measured, int skipped, int concurrency, double datesPerSecond, double msPerDate, double processSeconds, long peakRssKb,
        String command, String reproduce) {}
