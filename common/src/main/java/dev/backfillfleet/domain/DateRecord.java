package dev.backfillfleet.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The durable state of one (table, date): the distributed checkpoint. Optional fields are
 * empty until the state machine reaches the point that sets them.
 */
public record DateRecord(
        DateKey key,
        DateState state,
        int attempts,
        String runId,
        Optional<String> leaseOwner,
        Optional<Instant> leaseExpiresAt,
        Optional<Instant> queuedAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<Long> rowsWritten,
        Optional<Long> rowsExpected,
        Optional<Duration> duration,
        Optional<ErrorClass> errorClass,
        Optional<String> errorMessage)
{
    public DateRecord
    {
        requireNonNull(key, "key is null");
        requireNonNull(state, "state is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(leaseOwner, "leaseOwner is null");
        requireNonNull(leaseExpiresAt, "leaseExpiresAt is null");
        requireNonNull(queuedAt, "queuedAt is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
        requireNonNull(rowsWritten, "rowsWritten is null");
        requireNonNull(rowsExpected, "rowsExpected is null");
        requireNonNull(duration, "duration is null");
        requireNonNull(errorClass, "errorClass is null");
        requireNonNull(errorMessage, "errorMessage is null");
    }

    /** A RUNNING record whose lease is still live at {@code now}. */
    public boolean isLeasedAt(Instant now)
    {
        return state == DateState.RUNNING && leaseExpiresAt.map(now::isBefore).orElse(false);
    }
}
