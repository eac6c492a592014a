package dev.backfillfleet.coordinator.watch;

import dev.backfillfleet.coordinator.ProgressMeter;
import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.state.StateStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import static java.util.Objects.requireNonNull;

/**
 * Reads the counts per state of each table from the state store (one aggregation per table,
 * so it works against every backend from any machine) and keeps a recent-rate meter per table.
 * Without an explicit table list, only tables that have records are shown.
 */
public final class ProgressSampler
{
    private static final Duration RATE_WINDOW = Duration.ofSeconds(60);

    private final StateStore stateStore;
    private final List<AnalyticsTable> tables;
    private final boolean explicitTables;
    private final Optional<DateRange> range;
    private final LongSupplier nanoTime;
    private final Map<AnalyticsTable, ProgressMeter> meters = new LinkedHashMap<>();

    public ProgressSampler(StateStore stateStore, Optional<List<AnalyticsTable>> tables, Optional<DateRange> range, LongSupplier nanoTime)
    {
        this.stateStore = requireNonNull(stateStore, "stateStore is null");
        this.tables = tables.orElse(List.of(AnalyticsTable.values()));
        this.explicitTables = tables.isPresent();
        this.range = requireNonNull(range, "range is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
    }

    public List<TableProgress> sample()
    {
        List<TableProgress> progress = new ArrayList<>();
        for (AnalyticsTable table : tables) {
            Map<DateState, Long> recorded = stateStore.countByState(table, range);
            long recordedDates = recorded.values().stream().mapToLong(Long::longValue).sum();
            if (recordedDates == 0 && !explicitTables) {
                continue;
            }
            Map<DateState, Long> counts = new EnumMap<>(DateState.class);
            counts.putAll(recorded);
            range.ifPresent(dates -> counts.merge(DateState.PENDING, dates.size() - recordedDates, Long::sum));
            progress.add(measure(new StateCounts(table, counts)));
        }
        return progress;
    }

    private TableProgress measure(StateCounts counts)
    {
        ProgressMeter meter = meters.computeIfAbsent(counts.table(), ignored -> new ProgressMeter(RATE_WINDOW));
        meter.record(nanoTime.getAsLong(), counts.terminal());
        long inQueue = counts.get(DateState.QUEUED) + counts.get(DateState.RUNNING);
        // never-enqueued dates are not on their way: no ETA for them
        Optional<Duration> eta = inQueue == 0 && counts.get(DateState.PENDING) > 0 ? Optional.empty() : meter.eta(inQueue);
        return new TableProgress(counts, meter.ratePerSecond().map(perSecond -> perSecond * 60), eta);
    }
}
