package dev.backfillfleet.worker.observability;

import java.time.Duration;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus-style histogram of processing times with fixed buckets from 10 ms to an hour:
 * a date of the synthetic table takes milliseconds, a real one seconds to minutes.
 */
public final class LatencyHistogram
{
    static final double[] UPPER_BOUNDS_SECONDS = {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600};

    private final LongAdder[] buckets = new LongAdder[UPPER_BOUNDS_SECONDS.length + 1];
    private final DoubleAdder sumSeconds = new DoubleAdder();

    public LatencyHistogram()
    {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    public void observe(Duration elapsed)
    {
        double seconds = elapsed.toNanos() / 1e9;
        int bucket = 0;
        while (bucket < UPPER_BOUNDS_SECONDS.length && seconds > UPPER_BOUNDS_SECONDS[bucket]) {
            bucket++;
        }
        buckets[bucket].increment();
        sumSeconds.add(seconds);
    }

    public Snapshot snapshot()
    {
        long[] cumulative = new long[buckets.length];
        long running = 0;
        for (int i = 0; i < buckets.length; i++) {
            running += buckets[i].sum();
            cumulative[i] = running;
        }
        return new Snapshot(cumulative, sumSeconds.sum());
    }

    /** Cumulative counts per upper bound (the last one is +Inf, the total count) and the sum of seconds. */
    public record Snapshot(long[] cumulativeCounts, double sumSeconds)
    {
        public long count()
        {
            return cumulativeCounts[cumulativeCounts.length - 1];
        }

        public double upperBound(int bucket)
        {
            return bucket < UPPER_BOUNDS_SECONDS.length ? UPPER_BOUNDS_SECONDS[bucket] : Double.POSITIVE_INFINITY;
        }
    }
}
