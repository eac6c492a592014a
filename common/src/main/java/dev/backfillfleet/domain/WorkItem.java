package dev.backfillfleet.domain;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/** One unit of work: compute {@code table} for {@code date}, requested by {@code runId}. */
public record WorkItem(AnalyticsTable table, LocalDate date, String runId)
{
    public WorkItem
    {
        requireNonNull(table, "table is null");
        requireNonNull(date, "date is null");
        requireNonNull(runId, "runId is null");
        if (runId.isBlank()) {
            throw new IllegalArgumentException("runId is blank");
        }
    }

    public DateKey key()
    {
        return new DateKey(table, date);
    }

    @Override
    public String toString()
    {
        return table.shortName() + "/" + date + " (run " + runId + ")";
    }
}
