package dev.backfillfleet.coordinator;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.state.StateStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Dates per state for one table; among the dates asked for, those without a record count as PENDING. */
public record StateCounts(AnalyticsTable table, Map<DateState, Long> counts)
{
    /** Consecutive dates from this many on are counted with one aggregation per state; shorter runs are read. */
    private static final int COUNTED_RUN = 8;

    public StateCounts
    {
        Map<DateState, Long> complete = new EnumMap<>(DateState.class);
        for (DateState state : DateState.values()) {
            complete.put(state, counts.getOrDefault(state, 0L));
        }
        counts = java.util.Collections.unmodifiableMap(complete);
    }

    /**
     * The counts of {@code dates} (every record of the table if empty), at a cost that does not
     * grow with the number of dates where they are ranges: each run of consecutive dates is one
     * count per state; scattered dates are read, all in one call.
     */
    public static StateCounts within(StateStore store, AnalyticsTable table, Optional<DateSelection> dates)
    {
        Map<DateState, Long> counts = new EnumMap<>(DateState.class);
        if (dates.isEmpty()) {
            counts.putAll(store.countByState(table, Optional.empty()));
            return new StateCounts(table, counts);
        }
        List<DateKey> scattered = new ArrayList<>();
        for (DateRange run : runs(dates.get())) {
            if (run.size() >= COUNTED_RUN) {
                Map<DateState, Long> recorded = store.countByState(table, Optional.of(run));
                recorded.forEach((state, count) -> counts.merge(state, count, Long::sum));
                counts.merge(DateState.PENDING, run.size() - recorded.values().stream().mapToLong(Long::longValue).sum(), Long::sum);
            }
            else {
                run.dates().forEach(date -> scattered.add(new DateKey(table, date)));
            }
        }
        if (!scattered.isEmpty()) {
            Map<DateKey, DateRecord> records = store.getAll(scattered);
            scattered.forEach(key -> counts.merge(Optional.ofNullable(records.get(key)).map(DateRecord::state).orElse(DateState.PENDING), 1L, Long::sum));
        }
        return new StateCounts(table, counts);
    }

    /** The selection as runs of consecutive dates. */
    static List<DateRange> runs(DateSelection dates)
    {
        List<DateRange> runs = new ArrayList<>();
        LocalDate first = null;
        LocalDate previous = null;
        for (LocalDate date : dates.dates()) {
            if (previous != null && !date.equals(previous.plusDays(1))) {
                runs.add(DateRange.of(first, previous));
                first = null;
            }
            if (first == null) {
                first = date;
            }
            previous = date;
        }
        if (first != null) {
            runs.add(DateRange.of(first, previous));
        }
        return runs;
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

    /** Dates the fleet finished with, successfully or not: what a completion rate counts (cancels are not work done). */
    public long completed()
    {
        return done() + get(DateState.FAILED);
    }

    /** Dates that will not change without an operator: done, failed or cancelled. */
    public long terminal()
    {
        return completed() + get(DateState.CANCELLED);
    }

    /** Dates with a record (a never-enqueued date has none, and a PENDING record is rare). */
    public long recorded()
    {
        return total() - get(DateState.PENDING);
    }
}
