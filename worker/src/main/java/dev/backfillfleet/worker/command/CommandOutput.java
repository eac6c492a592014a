package dev.backfillfleet.worker.command;

import dev.backfillfleet.warehouse.Row;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A date's rows as the program printed them, every column present and typed, and how long it ran. */
public record CommandOutput(List<Row> rows, Duration elapsed)
{
    public CommandOutput
    {
        rows = List.copyOf(rows);
        requireNonNull(elapsed, "elapsed is null");
    }
}
