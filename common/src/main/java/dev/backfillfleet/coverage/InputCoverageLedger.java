package dev.backfillfleet.coverage;

import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.Warehouse;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code nba_raw.input_coverage} through the {@link Warehouse} port: data like any other table,
 * read with {@code readAll} and rewritten with {@code replaceAll}. Recording is a read-modify-write
 * of the whole (small) table, so two imports into one warehouse must not run at the same time.
 */
public final class InputCoverageLedger
{
    private InputCoverageLedger() {}

    public static List<InputCoverage> read(Warehouse warehouse)
    {
        return warehouse.readAll(RawTables.INPUT_COVERAGE).stream().map(InputCoverage::fromRow).toList();
    }

    public static CoveredDates coveredDates(Warehouse warehouse, TableRef rawTable)
    {
        return CoveredDates.of(read(warehouse).stream().filter(record -> record.rawTable().equals(rawTable)).map(InputCoverage::dates).toList());
    }

    /** Adds {@code records}; one that restates an earlier record (same table, dates and source) replaces it. */
    public static void record(Warehouse warehouse, List<InputCoverage> records)
    {
        if (records.isEmpty()) {
            return;
        }
        List<InputCoverage> kept = new ArrayList<>(read(warehouse).stream()
                .filter(existing -> records.stream().noneMatch(existing::restates))
                .toList());
        kept.addAll(records);
        List<Row> rows = kept.stream().map(InputCoverage::toRow).toList();
        warehouse.replaceAll(RawTables.INPUT_COVERAGE, rows);
    }
}
