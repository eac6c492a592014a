package dev.backfillfleet.state;

import dev.backfillfleet.domain.DateState;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * A verified success: SUCCEEDED (rows written equal rows expected) or NO_GAMES (both zero),
 * computed with version {@code definitionVersion} of the table's definition.
 */
public record Completion(DateState outcome, long rowsWritten, long rowsExpected, Duration duration, long definitionVersion)
{
    /** A completion of a built-in table (definition version 0). */
    public Completion(DateState outcome, long rowsWritten, long rowsExpected, Duration duration)
    {
        this(outcome, rowsWritten, rowsExpected, duration, 0);
    }

    public Completion
    {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(duration, "duration is null");
        if (!outcome.isDone()) {
            throw new IllegalArgumentException("a completion is SUCCEEDED or NO_GAMES, not " + outcome);
        }
        if (rowsWritten != rowsExpected) {
            throw new IllegalArgumentException("rows written (" + rowsWritten + ") differ from rows expected (" + rowsExpected + ")");
        }
        if (outcome == DateState.NO_GAMES && rowsWritten != 0) {
            throw new IllegalArgumentException("NO_GAMES with " + rowsWritten + " rows");
        }
    }
}
