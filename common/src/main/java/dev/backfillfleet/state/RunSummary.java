package dev.backfillfleet.state;

import dev.backfillfleet.domain.DateState;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the dates of one run add up to now: counts per state of the records that carry its id
 * (a later run that queues a date again takes it over), when the first of them started and when
 * the last finished.
 */
public record RunSummary(Map<DateState, Long> counts, Optional<Instant> firstStartedAt, Optional<Instant> lastFinishedAt)
{
    public RunSummary
    {
        Map<DateState, Long> complete = new EnumMap<>(DateState.class);
        for (DateState state : DateState.values()) {
            complete.put(state, counts.getOrDefault(state, 0L));
        }
        counts = Collections.unmodifiableMap(complete);
        requireNonNull(firstStartedAt, "firstStartedAt is null");
        requireNonNull(lastFinishedAt, "lastFinishedAt is null");
    }

    public long get(DateState state)
    {
        return counts.get(state);
    }

    public long total()
    {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Dates still queued or running. */
    public long inFlight()
    {
        return get(DateState.QUEUED) + get(DateState.RUNNING);
    }

    /** When the run finished: its last date's end, once none is queued or running. */
    public Optional<Instant> finishedAt()
    {
        return inFlight() == 0 && total() > 0 ? lastFinishedAt : Optional.empty();
    }
}
