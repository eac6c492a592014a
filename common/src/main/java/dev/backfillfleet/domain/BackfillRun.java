package dev.backfillfleet.domain;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One request to backfill, as an operator can name it afterwards: who asked for which tables
 * and dates, and when. The dates' records carry its id; what they add up to is counted from
 * them, so this record is written once and never updated.
 *
 * @param command the verb that made it: enqueue, run, retry
 * @param dates the dates as asked for, e.g. {@code 2024-10-22..2025-04-13}
 * @param keys how many (table, date)s the request named
 */
public record BackfillRun(String id, Instant createdAt, String createdBy, String command, List<AnalyticsTable> tables, String dates, int keys)
{
    public BackfillRun
    {
        requireNonNull(id, "id is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(command, "command is null");
        tables = List.copyOf(tables);
        requireNonNull(dates, "dates is null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is blank");
        }
    }
}
