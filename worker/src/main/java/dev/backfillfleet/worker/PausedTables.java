package dev.backfillfleet.worker;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.TablePause;
import dev.backfillfleet.state.TablePauses;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Which tables an operator paused, as the store of pauses says, at a cost that does not grow with
 * the deliveries: a table seen not paused is trusted for {@code maxAge} (a pause reaches this
 * worker within that long), while "paused" is read again before the worker acts on it, since
 * the delivery may be one that {@code resume} published after it lifted the pause.
 */
public final class PausedTables
{
    private final TablePauses pauses;
    private final Clock clock;
    private final Duration maxAge;
    private Map<AnalyticsTable, TablePause> paused = Map.of();
    private Instant readAt = Instant.MIN;

    public PausedTables(TablePauses pauses, Clock clock, Duration maxAge)
    {
        this.pauses = requireNonNull(pauses, "pauses is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.maxAge = requireNonNull(maxAge, "maxAge is null");
    }

    public boolean isPaused(AnalyticsTable table)
    {
        if (!recent().containsKey(table)) {
            return false;
        }
        return read().containsKey(table);
    }

    private synchronized Map<AnalyticsTable, TablePause> recent()
    {
        if (readAt.plus(maxAge).isAfter(clock.instant())) {
            return paused;
        }
        return read();
    }

    private synchronized Map<AnalyticsTable, TablePause> read()
    {
        Instant now = clock.instant();
        paused = Map.copyOf(pauses.pausedTables());
        readAt = now;
        return paused;
    }
}
