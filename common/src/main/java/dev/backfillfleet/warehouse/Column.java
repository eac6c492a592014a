package dev.backfillfleet.warehouse;

import static java.util.Objects.requireNonNull;

public record Column(String name, ColumnType type, boolean nullable)
{
    public Column
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column name must be lower snake case: " + name);
        }
    }

    public static Column required(String name, ColumnType type)
    {
        return new Column(name, type, false);
    }

    public static Column nullable(String name, ColumnType type)
    {
        return new Column(name, type, true);
    }
}
