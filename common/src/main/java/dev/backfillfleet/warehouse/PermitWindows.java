package dev.backfillfleet.warehouse;

import java.time.Duration;
import java.time.Instant;

/**
 * The arithmetic of write permits: one-second windows, each with {@code writesPer10Seconds / 10}
 * permits (at least one). Any 10-second span overlaps at most 11 windows, so it sees at most
 * 1.1 x the configured rate: the default of 40 per 10 s stays below BigQuery's 50 in any span.
 * Fixed windows need no shared counter: a permit is a record created once, which either
 * succeeds (taken) or finds it exists (someone else's), so no document is written twice.
 */
public record PermitWindows(int writesPer10Seconds)
{
    public static final Duration WINDOW = Duration.ofSeconds(1);

    public PermitWindows
    {
        if (writesPer10Seconds < 1) {
            throw new IllegalArgumentException("writesPer10Seconds must be at least 1: " + writesPer10Seconds);
        }
    }

    public int permitsPerWindow()
    {
        return Math.max(1, writesPer10Seconds / 10);
    }

    public long windowOf(Instant instant)
    {
        return Math.floorDiv(instant.toEpochMilli(), WINDOW.toMillis());
    }

    /** The most writes any 10-second span can see. */
    public int boundPer10Seconds()
    {
        return 11 * permitsPerWindow();
    }

    public Instant startOf(long window)
    {
        return start(window);
    }

    public static Instant start(long window)
    {
        return Instant.ofEpochMilli(window * WINDOW.toMillis());
    }
}
