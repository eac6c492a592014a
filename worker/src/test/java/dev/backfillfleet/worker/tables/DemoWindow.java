package dev.backfillfleet.worker.tables;

import dev.backfillfleet.coverage.InputCoverage;
import dev.backfillfleet.coverage.InputCoverageLedger;
import dev.backfillfleet.demo.DemoLeague;
import dev.backfillfleet.demo.DemoRawTables;
import dev.backfillfleet.demo.DemoSeason;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Seeds only some dates of the demo league (the whole league takes minutes), with the coverage of
 * exactly those dates, and shares one generated league between the tests of a JVM (generating it
 * takes seconds).
 */
final class DemoWindow
{
    private static DemoLeague league;

    private DemoWindow() {}

    static synchronized DemoLeague league()
    {
        if (league == null) {
            league = DemoLeague.generate();
        }
        return league;
    }

    static void seed(Warehouse warehouse, DemoLeague league, DateRange dates)
    {
        DemoRawTables tables = new DemoRawTables(league);
        for (DemoSeason season : league.seasons()) {
            for (TableRef table : DemoRawTables.PARTITIONED_TABLES) {
                Map<LocalDate, List<Row>> partitions = tables.partitions(table, season, dates);
                if (!partitions.isEmpty()) {
                    warehouse.replacePartitions(table, partitions);
                }
            }
        }
        warehouse.replaceAll(RawTables.TRAVEL_DISTANCES, tables.travelDistances());
        InputCoverageLedger.record(warehouse, DemoRawTables.PARTITIONED_TABLES.stream()
                .map(table -> new InputCoverage(table, dates, tables.source(), TableRuns.PROCESSED_AT))
                .toList());
    }
}
