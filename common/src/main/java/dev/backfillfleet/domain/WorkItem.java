package dev.backfillfleet.domain;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/** One unit of work: compute {@code table} for {@code date}, requested by {@code runId}. */
public record WorkItem(AnalyticsTable table, LocalDate date, String runId)
{
    private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

    public WorkItem
    {
        requireNonNull(table, "table is null");
        requireNonNull(date, "date is null");
        requireNonNull(runId, "runId is null");
        if (!RUN_ID.matcher(runId).matches()) {
            // a run id reaches record fields, job ids and log lines: letters, digits, - and _ only (BigQuery job ids take no other)
            throw new IllegalArgumentException("runId '" + runId + "' is not a run id: 1-128 letters, digits, - and _ (e.g. 20240101T000000Z-1a2b3c)");
        }
    }

    public DateKey key()
    {
        return new DateKey(table, date);
    }

    @Override
    public String toString()
    {
        return table.tableName() + "/" + date + " (run " + runId + ")";
    }
}
