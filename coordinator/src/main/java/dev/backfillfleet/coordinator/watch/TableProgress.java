package dev.backfillfleet.coordinator.watch;

import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateState;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** One table's counts at one moment, with the recent completion rate and what it predicts. */
public record TableProgress(StateCounts counts, Optional<Double> datesPerMinute, Optional<Duration> eta)
{
    public TableProgress
    {
        requireNonNull(counts, "counts is null");
        requireNonNull(datesPerMinute, "datesPerMinute is null");
        requireNonNull(eta, "eta is null");
    }

    public AnalyticsTable table()
    {
        return counts.table();
    }

    /** Dates the fleet still has to work on: queued or running. */
    public long inQueue()
    {
        return counts.get(DateState.QUEUED) + counts.get(DateState.RUNNING);
    }

    public boolean finished()
    {
        return counts.terminal() == counts.total();
    }

    /** Dates in the range that were never enqueued, while nothing else is left to do. */
    public boolean stalledOnPending()
    {
        return counts.get(DateState.PENDING) > 0 && inQueue() == 0;
    }
}
