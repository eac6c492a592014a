package dev.backfillfleet.bench.overhead;

/**
 * One worker process draining {@code synthetic} dates at L = 0 with {@code queued} dates in the
 * queue: the steady rate over its completions {@code skipped + 1} to {@code measured} (the first
 * ones, during JIT warm-up, left out).
 *
 * @param target the completions asked for; {@code measured} is fewer when the worker did not get
 *         there within the time allowed ({@code note} says so), and the rate is over what it did
 */
public record DrainRun(int queued, int target, int measured, int skipped, int concurrency, double datesPerSecond, double msPerDate, double processSeconds,
        long peakRssKb, String note, String command, String reproduce) {}
