package dev.backfillfleet.worker.tables;

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
 * Seeds only some dates of the demo league (the whole league takes seconds), and the whole schedule
 * of every season it touches, as the real loader writes a season's schedule; shares one generated
 * league between the tests of a JVM (generating it takes seconds).
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
            boolean touched = !season.restrictedTo(dates).results().isEmpty();
            for (TableRef table : DemoRawTables.PARTITIONED_TABLES) {
                Map<LocalDate, List<Row>> partitions = table.equals(RawTables.SCHEDULE) && touched
                        ? tables.partitions(table, season)
                        : tables.partitions(table, season, dates);
                if (!partitions.isEmpty()) {
                    warehouse.replacePartitions(table, partitions);
                }
            }
        }
        warehouse.replaceAll(RawTables.TRAVEL_DISTANCES, tables.travelDistances());
    }
}
