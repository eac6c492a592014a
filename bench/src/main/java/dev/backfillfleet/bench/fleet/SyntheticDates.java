package dev.backfillfleet.bench.fleet;

import dev.backfillfleet.catalog.BuiltInTables;
import dev.backfillfleet.coordinator.plan.EnqueueRequest;
import dev.backfillfleet.coordinator.plan.Enqueuer;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.BackfillRun;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.state.RunLog;
import dev.backfillfleet.state.StateStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Ranges of {@code synthetic} dates (it accepts any date, so a long range makes load) and their enqueue. */
public final class SyntheticDates
{
    /** Far from the demo league's seasons: nothing else in a home has these dates. */
    public static final LocalDate LOAD_START = LocalDate.parse("1990-01-01");

    private SyntheticDates() {}

    public static DateRange range(LocalDate first, int dates)
    {
        return DateRange.of(first, first.plusDays(dates - 1L));
    }

    public static DateRange range(int dates)
    {
        return range(LOAD_START, dates);
    }

    /** Records QUEUED and publishes one message per date, as {@code coordinator enqueue} does; returns the dates queued. */
    public static int enqueue(StateStore stateStore, RunLog runLog, WorkQueue queue, DateRange range)
    {
        EnqueueRequest request = new EnqueueRequest(List.of(AnalyticsTable.SYNTHETIC), DateSelection.of(range), EnqueuePolicy.NORMAL, BuiltInTables.catalog());
        BackfillRun run = new BackfillRun("bench-" + System.nanoTime(), Instant.now(), "bench", "bench", request.tables(), request.dates().toString(),
                request.keys().size());
        return new Enqueuer(stateStore, runLog, queue).enqueue(request, run).queued().size();
    }
}
