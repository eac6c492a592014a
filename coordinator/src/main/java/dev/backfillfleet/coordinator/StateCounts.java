package dev.backfillfleet.coordinator;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.state.StateStore;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Dates per state for one table; within a range, dates without a record count as PENDING. */
public record StateCounts(AnalyticsTable table, Map<DateState, Long> counts)
{
    public StateCounts
    {
        Map<DateState, Long> complete = new EnumMap<>(DateState.class);
        for (DateState state : DateState.values()) {
            complete.put(state, counts.getOrDefault(state, 0L));
        }
        counts = java.util.Collections.unmodifiableMap(complete);
    }

    public static StateCounts of(StateStore store, AnalyticsTable table, Optional<DateRange> range)
    {
        Map<DateState, Long> counts = new EnumMap<>(store.countByState(table, range));
        range.ifPresent(dates -> {
            long recorded = counts.values().stream().mapToLong(Long::longValue).sum();
            counts.merge(DateState.PENDING, dates.size() - recorded, Long::sum);
        });
        return new StateCounts(table, counts);
    }

    public long get(DateState state)
    {
        return counts.get(state);
    }

    public long total()
    {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long done()
    {
        return get(DateState.SUCCEEDED) + get(DateState.NO_GAMES);
    }

    public long terminal()
    {
        return done() + get(DateState.FAILED);
    }
}
