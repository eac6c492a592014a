package dev.backfillfleet.worker;

import dev.backfillfleet.domain.AnalyticsTable;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counters of what this process did, per table and outcome, and what it holds right now. */
public final class WorkerStats
{
    private final Map<AnalyticsTable, Map<Outcome, LongAdder>> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    void started()
    {
        inFlight.incrementAndGet();
    }

    void finished(AnalyticsTable table, Outcome outcome)
    {
        inFlight.decrementAndGet();
        outcomes.computeIfAbsent(table, ignored -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, ignored -> new LongAdder())
                .increment();
    }

    public int inFlight()
    {
        return inFlight.get();
    }

    public long count(AnalyticsTable table, Outcome outcome)
    {
        LongAdder adder = outcomes.getOrDefault(table, Map.of()).get(outcome);
        return adder == null ? 0 : adder.sum();
    }

    public Map<Outcome, Long> totals()
    {
        Map<Outcome, Long> totals = new EnumMap<>(Outcome.class);
        outcomes.values().forEach(byOutcome -> byOutcome.forEach((outcome, adder) -> totals.merge(outcome, adder.sum(), Long::sum)));
        return totals;
    }
}
