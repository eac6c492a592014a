package dev.backfillfleet.coverage;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One row of {@code nba_raw.input_coverage}: {@code rawTable} holds every row it should for every
 * date of {@code dates} (a date without rows had no games), as {@code source} said at {@code recordedAt}.
 */
public record InputCoverage(TableRef rawTable, DateRange dates, String source, Instant recordedAt)
{
    public InputCoverage
    {
        requireNonNull(rawTable, "rawTable is null");
        requireNonNull(dates, "dates is null");
        requireNonNull(source, "source is null");
        requireNonNull(recordedAt, "recordedAt is null");
        if (source.isBlank()) {
            throw new IllegalArgumentException("a coverage record needs a source");
        }
    }

    public static InputCoverage fromRow(Row row)
    {
        return new InputCoverage(
                TableRef.parse(row.getString("raw_table")),
                DateRange.of(row.getDate("first_date"), row.getDate("last_date")),
                row.getString("source"),
                row.getTimestamp("recorded_at"));
    }

    public Row toRow()
    {
        return Row.builder()
                .set("raw_table", rawTable.toString())
                .set("first_date", dates.first())
                .set("last_date", dates.last())
                .set("source", source)
                .set("recorded_at", recordedAt)
                .build();
    }

    /** The same statement (table, dates, source), whenever it was recorded. */
    public boolean restates(InputCoverage other)
    {
        return rawTable.equals(other.rawTable) && dates.equals(other.dates) && source.equals(other.source);
    }
}
