package dev.backfillfleet.coordinator.report;

import dev.backfillfleet.domain.DateState;

/**
 * The report's colour and label per state: done in green, no games in a distinct blue (a success
 * with nothing to write, not a gap), cancelled in slate grey (neither success nor failure), and
 * never enqueued (PENDING, no record) in pale grey.
 */
public final class StatePalette
{
    private StatePalette() {}

    public static String colour(DateState state)
    {
        return switch (state) {
            case PENDING -> "#e4e8ee";
            case QUEUED -> "#a475f9";
            case RUNNING -> "#e3b341";
            case SUCCEEDED -> "#2da44e";
            case NO_GAMES -> "#6cb6ff";
            case FAILED -> "#d1242f";
            case CANCELLED -> "#6e7781";
        };
    }

    public static String label(DateState state)
    {
        return switch (state) {
            case PENDING -> "not enqueued";
            case QUEUED -> "queued";
            case RUNNING -> "running";
            case SUCCEEDED -> "succeeded";
            case NO_GAMES -> "no games";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
        };
    }
}
