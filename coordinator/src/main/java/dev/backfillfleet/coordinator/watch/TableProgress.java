package dev.backfillfleet.coordinator.watch;

import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.TablePause;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** One table's counts at one moment, with the recent completion rate, what it predicts, and whether the table is paused. */
public record TableProgress(StateCounts counts, Optional<Double> datesPerMinute, Optional<Duration> eta, Optional<TablePause> paused)
{
    public TableProgress
    {
        requireNonNull(counts, "counts is null");
        requireNonNull(datesPerMinute, "datesPerMinute is null");
        requireNonNull(eta, "eta is null");
        requireNonNull(paused, "paused is null");
    }

    public TableProgress(StateCounts counts, Optional<Double> datesPerMinute, Optional<Duration> eta)
    {
        this(counts, datesPerMinute, eta, Optional.empty());
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

    /** Every date is SUCCEEDED, NO_GAMES, FAILED or CANCELLED. */
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
