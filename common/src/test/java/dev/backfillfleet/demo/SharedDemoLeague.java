package dev.backfillfleet.demo;

import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default league, generated once per test JVM and shared by the demo tests (it is immutable),
 * and the rows of the season the row tests look at.
 */
final class SharedDemoLeague
{
    /** The season whose rows the tests check in detail. */
    static final int SEASON = 2024;

    private static final Logger log = LoggerFactory.getLogger(SharedDemoLeague.class);
    private static final Map<String, Map<LocalDate, List<Row>>> PARTITIONS = new ConcurrentHashMap<>();
    private static DemoLeague league;

    private SharedDemoLeague() {}

    static synchronized DemoLeague league()
    {
        if (league == null) {
            long started = System.nanoTime();
            league = DemoLeague.generate();
            log.info("Generated the demo league in {}", Duration.ofNanos(System.nanoTime() - started));
        }
        return league;
    }

    /** All rows of one raw table for one season, cached. */
    static List<Row> rows(TableRef table, int seasonYear)
    {
        return partitions(table, seasonYear).values().stream().flatMap(List::stream).toList();
    }

    /** The partitions of one raw table for one season, cached. */
    static Map<LocalDate, List<Row>> partitions(TableRef table, int seasonYear)
    {
        return PARTITIONS.computeIfAbsent(table + "/" + seasonYear, key -> new DemoRawTables(league()).partitions(table, league().season(seasonYear)));
    }
}
