package dev.backfillfleet.warehouse;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A column of a SELECT's result, found without running it: its name, and its type where the warehouse can tell. */
public record SelectedColumn(String name, Optional<ColumnType> type)
{
    public SelectedColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
