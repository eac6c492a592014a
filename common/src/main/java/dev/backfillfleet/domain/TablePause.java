package dev.backfillfleet.domain;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** A table an operator paused: workers start none of its dates until it is resumed. */
public record TablePause(AnalyticsTable table, Instant since, String by)
{
    public TablePause
    {
        requireNonNull(table, "table is null");
        requireNonNull(since, "since is null");
        requireNonNull(by, "by is null");
    }
}
