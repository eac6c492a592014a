package dev.backfillfleet.domain;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/** Identifies one state record and one warehouse partition: (table, date). */
public record DateKey(AnalyticsTable table, LocalDate date)
{
    public DateKey
    {
        requireNonNull(table, "table is null");
        requireNonNull(date, "date is null");
    }

    /** A stable, readable id, e.g. {@code team_offense_game_summary__2021-10-19}. */
    public String id()
    {
        return table.tableName() + "__" + date;
    }

    @Override
    public String toString()
    {
        return table.tableName() + "/" + date;
    }
}
