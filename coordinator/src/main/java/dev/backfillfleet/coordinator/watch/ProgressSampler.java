package dev.backfillfleet.coordinator.watch;

import dev.backfillfleet.coordinator.ProgressMeter;
import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.TablePause;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.state.TablePauses;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import static java.util.Objects.requireNonNull;

/**
 * Reads the counts per state of each table from the state store (one aggregation per table and
 * state, so it works against every backend from any machine), which tables are paused (one small
 * read), and keeps a recent-rate meter per table. Without an explicit table list, only tables
 * that have records are shown.
 */
public final class ProgressSampler
{
    private static final Duration RATE_WINDOW = Duration.ofSeconds(60);

    private final StateStore stateStore;
    private final TablePauses pauses;
    private final ProgressScope scope;
    private final LongSupplier nanoTime;
    private final Map<AnalyticsTable, ProgressMeter> meters = new LinkedHashMap<>();

    public ProgressSampler(StateStore stateStore, TablePauses pauses, ProgressScope scope, LongSupplier nanoTime)
    {
        this.stateStore = requireNonNull(stateStore, "stateStore is null");
        this.pauses = requireNonNull(pauses, "pauses is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
    }

    public ProgressScope scope()
    {
        return scope;
    }

    public List<TableProgress> sample()
    {
        Map<AnalyticsTable, TablePause> paused = pauses.pausedTables();
        List<TableProgress> progress = new ArrayList<>();
        for (AnalyticsTable table : scope.tables()) {
            StateCounts counts = StateCounts.within(stateStore, table, scope.dates(table));
            if (counts.recorded() == 0 && scope.onlyTablesWithRecords()) {
                continue;
            }
            progress.add(measure(counts, Optional.ofNullable(paused.get(table))));
        }
        return progress;
    }

    private TableProgress measure(StateCounts counts, Optional<TablePause> paused)
    {
        ProgressMeter meter = meters.computeIfAbsent(counts.table(), ignored -> new ProgressMeter(RATE_WINDOW));
        meter.record(nanoTime.getAsLong(), counts.completed());
        long inQueue = counts.get(DateState.QUEUED) + counts.get(DateState.RUNNING);
        // never-enqueued dates are not on their way, and a paused table's are not moving: no ETA for them
        Optional<Duration> eta = paused.isPresent() || (inQueue == 0 && counts.get(DateState.PENDING) > 0) ? Optional.empty() : meter.eta(inQueue);
        return new TableProgress(counts, meter.ratePerSecond().map(perSecond -> perSecond * 60), eta, paused);
    }
}
