package dev.backfillfleet.worker.observability;

import dev.backfillfleet.domain.AnalyticsTable;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters per table and one more label (an enum): cheap to increment from many threads. */
public final class LabelledCounters<L extends Enum<L>>
{
    private final Class<L> labelType;
    private final Map<AnalyticsTable, Map<L, LongAdder>> counters = new ConcurrentHashMap<>();

    public LabelledCounters(Class<L> labelType)
    {
        this.labelType = labelType;
    }

    public void increment(AnalyticsTable table, L label)
    {
        counters.computeIfAbsent(table, ignored -> new ConcurrentHashMap<>())
                .computeIfAbsent(label, ignored -> new LongAdder())
                .increment();
    }

    public long get(AnalyticsTable table, L label)
    {
        LongAdder adder = counters.getOrDefault(table, Map.of()).get(label);
        return adder == null ? 0 : adder.sum();
    }

    /** The counts so far, tables by name and labels in their declaration order. */
    public Map<AnalyticsTable, Map<L, Long>> snapshot()
    {
        Map<AnalyticsTable, Map<L, Long>> snapshot = new java.util.concurrent.ConcurrentSkipListMap<>();
        counters.forEach((table, byLabel) -> {
            Map<L, Long> counts = new EnumMap<>(labelType);
            byLabel.forEach((label, adder) -> counts.put(label, adder.sum()));
            snapshot.put(table, counts);
        });
        return snapshot;
    }
}
