package dev.backfillfleet.worker;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.worker.observability.DeferReason;
import dev.backfillfleet.worker.observability.LabelledCounters;
import dev.backfillfleet.worker.observability.LatencyHistogram;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What this process did, per table: deliveries by outcome, failures by error class, deferrals by
 * reason, processing times; and what it holds right now. The worker's /metrics reads these.
 */
public final class WorkerStats
{
    private final LabelledCounters<Outcome> outcomes = new LabelledCounters<>(Outcome.class);
    private final LabelledCounters<ErrorClass> failures = new LabelledCounters<>(ErrorClass.class);
    private final LabelledCounters<DeferReason> deferrals = new LabelledCounters<>(DeferReason.class);
    private final Map<AnalyticsTable, LatencyHistogram> processingTimes = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong throttled = new java.util.concurrent.atomic.AtomicLong();
    private final LabelledCounters<StateRead> stateReads = new LabelledCounters<>(StateRead.class);

    public void started()
    {
        inFlight.incrementAndGet();
    }

    /** A delivery is done with; its time counts as processing time only if a date was actually run. */
    public void finished(AnalyticsTable table, Outcome outcome, Duration elapsed)
    {
        inFlight.decrementAndGet();
        outcomes.increment(table, outcome);
        if (ranTheDate(outcome)) {
            processingTimes.computeIfAbsent(table, ignored -> new LatencyHistogram()).observe(elapsed);
        }
    }

    /** This worker marked a date FAILED. */
    public void failed(AnalyticsTable table, ErrorClass errorClass)
    {
        failures.increment(table, errorClass);
    }

    public void deferred(AnalyticsTable table, DeferReason reason)
    {
        deferrals.increment(table, reason);
    }

    /** A retry after the backend asked us to slow down (rateLimitExceeded, quotaExceeded). */
    public void throttled()
    {
        throttled.incrementAndGet();
    }

    public long throttledRetries()
    {
        return throttled.get();
    }

    /** State records read to check a date's upstream dates. */
    public void stateReads(AnalyticsTable table, StateRead reason, int records)
    {
        for (int i = 0; i < records; i++) {
            stateReads.increment(table, reason);
        }
    }

    public Map<AnalyticsTable, Map<StateRead, Long>> stateReads()
    {
        return stateReads.snapshot();
    }

    /** Why state records were read. */
    public enum StateRead
    {
        /** Upstream records not remembered done. */
        UPSTREAM,
        /** The date's own record, to check that the upstream dates it remembers done were seen after the date was queued. */
        OWN_RECORD
    }

    private static boolean ranTheDate(Outcome outcome)
    {
        return switch (outcome) {
            case SUCCEEDED, NO_GAMES, FAILED, RELEASED, LEASE_LOST, GIVEN_BACK -> true;
            case DEFERRED, SKIPPED, CANCELLED, PAUSED -> false;
        };
    }

    public int inFlight()
    {
        return inFlight.get();
    }

    public long count(AnalyticsTable table, Outcome outcome)
    {
        return outcomes.get(table, outcome);
    }

    public Map<Outcome, Long> totals()
    {
        Map<Outcome, Long> totals = new EnumMap<>(Outcome.class);
        outcomes.snapshot().values().forEach(byOutcome -> byOutcome.forEach((outcome, count) -> totals.merge(outcome, count, Long::sum)));
        return totals;
    }

    public Map<AnalyticsTable, Map<Outcome, Long>> outcomes()
    {
        return outcomes.snapshot();
    }

    public Map<AnalyticsTable, Map<ErrorClass, Long>> failures()
    {
        return failures.snapshot();
    }

    public Map<AnalyticsTable, Map<DeferReason, Long>> deferrals()
    {
        return deferrals.snapshot();
    }

    public Map<AnalyticsTable, LatencyHistogram.Snapshot> processingTimes()
    {
        Map<AnalyticsTable, LatencyHistogram.Snapshot> snapshot = new java.util.concurrent.ConcurrentSkipListMap<>();
        processingTimes.forEach((table, histogram) -> snapshot.put(table, histogram.snapshot()));
        return snapshot;
    }
}
