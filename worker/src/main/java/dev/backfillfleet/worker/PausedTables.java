package dev.backfillfleet.worker;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.TablePause;
import dev.backfillfleet.state.StateStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Which tables an operator paused, as the state store says, at a cost that does not grow with
 * the deliveries: a table seen not paused is trusted for {@code maxAge} (a pause reaches this
 * worker within that long), while "paused" is read again before the worker acts on it, since
 * the delivery may be one that {@code resume} published after it lifted the pause.
 */
public final class PausedTables
{
    private final StateStore stateStore;
    private final Clock clock;
    private final Duration maxAge;
    private Map<AnalyticsTable, TablePause> paused = Map.of();
    private Instant readAt = Instant.MIN;

    public PausedTables(StateStore stateStore, Clock clock, Duration maxAge)
    {
        this.stateStore = requireNonNull(stateStore, "stateStore is null");
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
        paused = Map.copyOf(stateStore.pausedTables());
        readAt = now;
        return paused;
    }
}
