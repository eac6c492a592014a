package dev.backfillfleet.coordinator;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.state.StateStore;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Live progress of a set of (table, date) keys: done, failed, remaining, rate and ETA; one line
 * rewritten in place on a terminal, a plain line every few seconds otherwise. Counting costs
 * one count per table and state where each table's dates are a contiguous range (as with
 * {@code --range}), as {@code watch} does, so it does not grow with the number of dates; only a
 * scattered {@code --dates} list reads its records.
 */
public final class RunProgress
{
    private static final Duration PLAIN_LINE_EVERY = Duration.ofSeconds(5);

    private final StateStore stateStore;
    private final List<DateKey> keys;
    private final PrintWriter out;
    private final boolean terminal;
    private final ProgressMeter meter = new ProgressMeter(Duration.ofSeconds(20));
    private final long startNanos = System.nanoTime();
    private long lastPlainLineNanos;

    public RunProgress(StateStore stateStore, List<DateKey> keys, PrintWriter out, boolean terminal)
    {
        this.stateStore = stateStore;
        this.keys = List.copyOf(keys);
        this.out = out;
        this.terminal = terminal;
        this.lastPlainLineNanos = startNanos;
    }

    /** Reads the records, prints progress when due, and returns the counts per state. */
    public Map<DateState, Long> update()
    {
        Map<DateState, Long> counts = counts();
        long now = System.nanoTime();
        long finished = counts.get(DateState.SUCCEEDED) + counts.get(DateState.NO_GAMES) + counts.get(DateState.FAILED);
        meter.record(now, finished);
        String line = line(counts, finished);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            out.flush();
        }
        else if (now - lastPlainLineNanos >= PLAIN_LINE_EVERY.toNanos()) {
            out.println(line);
            out.flush();
            lastPlainLineNanos = now;
        }
        return counts;
    }

    public void finish()
    {
        if (terminal) {
            out.println();
        }
    }

    public Map<DateState, Long> counts()
    {
        Map<DateState, Long> counts = new EnumMap<>(DateState.class);
        for (DateState state : DateState.values()) {
            counts.put(state, 0L);
        }
        Map<AnalyticsTable, java.util.SortedSet<java.time.LocalDate>> datesByTable = new EnumMap<>(AnalyticsTable.class);
        keys.forEach(key -> datesByTable.computeIfAbsent(key.table(), ignored -> new java.util.TreeSet<>()).add(key.date()));
        datesByTable.forEach((table, dates) -> {
            DateRange span = DateRange.of(dates.first(), dates.last());
            if (span.size() == dates.size()) {
                Map<DateState, Long> recorded = stateStore.countByState(table, Optional.of(span));
                long total = recorded.values().stream().mapToLong(Long::longValue).sum();
                recorded.forEach((state, count) -> counts.merge(state, count, Long::sum));
                counts.merge(DateState.PENDING, dates.size() - total, Long::sum);
            }
            else {
                List<DateKey> tableKeys = dates.stream().map(date -> new DateKey(table, date)).toList();
                Map<DateKey, DateRecord> records = stateStore.getAll(tableKeys);
                tableKeys.forEach(key -> counts.merge(Optional.ofNullable(records.get(key)).map(DateRecord::state).orElse(DateState.PENDING), 1L, Long::sum));
            }
        });
        return counts;
    }

    private String line(Map<DateState, Long> counts, long finished)
    {
        long done = counts.get(DateState.SUCCEEDED) + counts.get(DateState.NO_GAMES);
        long remaining = keys.size() - finished;
        String rate = meter.ratePerSecond().map(perSecond -> String.format("%.1f dates/s", perSecond)).orElse("-- dates/s");
        return String.format("%s done %d/%d (no games %d), failed %d, running %d, remaining %d | %s | ETA %s | %s elapsed",
                bar(finished), done, keys.size(), counts.get(DateState.NO_GAMES), counts.get(DateState.FAILED), counts.get(DateState.RUNNING),
                remaining, rate, ProgressMeter.format(meter.eta(remaining)),
                ProgressMeter.format(java.util.Optional.of(Duration.ofNanos(System.nanoTime() - startNanos))));
    }

    private String bar(long finished)
    {
        int width = 24;
        int filled = keys.isEmpty() ? width : (int) (width * finished / keys.size());
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }
}
