package dev.backfillfleet.demo;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.backfillfleet.schema.RawTables.INJURY_REPORT;
import static dev.backfillfleet.schema.RawTables.TRAVEL_DISTANCES;

/**
 * Writes the demo league into a warehouse: every partitioned raw table with one
 * {@link Warehouse#replacePartitions} call per (table, calendar month of a season), so that only
 * about a month of one table is in memory at a time (the play-by-play and the props are over a
 * million rows each; the next month is generated while one is written), then the static travel
 * distances with {@link Warehouse#replaceAll}.
 */
public final class DemoDataSeeder
{
    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private DemoDataSeeder() {}

    /** Generates the default league ({@link DemoLeague#DEFAULT_SEED}) and seeds it. */
    public static void seed(Warehouse warehouse)
    {
        long started = System.nanoTime();
        DemoLeague league = DemoLeague.generate();
        log.info("Generated the demo league in {}", Duration.ofNanos(System.nanoTime() - started));
        seed(warehouse, league);
    }

    /** Seeds {@code league}; returns the number of rows written per table. */
    public static Map<TableRef, Long> seed(Warehouse warehouse, DemoLeague league)
    {
        long started = System.nanoTime();
        Map<TableRef, Long> counts = new LinkedHashMap<>();
        for (TableRef table : DemoRawTables.PARTITIONED_TABLES) {
            counts.put(table, seedTable(warehouse, league, table));
        }
        counts.put(TRAVEL_DISTANCES, seedTable(warehouse, league, TRAVEL_DISTANCES));
        log.info("Seeded the demo league ({} seasons) in {}: {}", league.seasons().size(), Duration.ofNanos(System.nanoTime() - started), counts);
        return counts;
    }

    /**
     * Seeds one raw table of {@code league}, so that a process seeds only the tables it reads
     * (the play-by-play and the props are most of the rows); returns the rows written.
     */
    public static long seedTable(Warehouse warehouse, DemoLeague league, TableRef table)
    {
        DemoRawTables tables = new DemoRawTables(league);
        if (table.equals(TRAVEL_DISTANCES)) {
            List<Row> distances = tables.travelDistances();
            warehouse.replaceAll(TRAVEL_DISTANCES, distances);
            return distances.size();
        }
        if (!DemoRawTables.PARTITIONED_TABLES.contains(table)) {
            throw new IllegalArgumentException("the demo league has no table " + table);
        }
        List<Callable<Map<LocalDate, List<Row>>>> months = new ArrayList<>();
        for (DemoSeason season : league.seasons()) {
            // the injury report is partitioned by the day a report was issued, which for a month's
            // first games may be the previous month's last day: its (small) season is one batch
            List<DateRange> batches = table.equals(INJURY_REPORT) ? List.of(DateRange.of(season.firstGameDate(), season.lastGameDate())) : months(season);
            for (DateRange month : batches) {
                months.add(() -> tables.partitions(table, season, month));
            }
        }
        // the next month is generated on another thread while this one is written: the two halves
        // of seeding take about as long as each other, and the machine has a second core
        ExecutorService generator = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-league-generator");
            thread.setDaemon(true);
            return thread;
        });
        try {
            long rows = 0;
            Future<Map<LocalDate, List<Row>>> next = months.isEmpty() ? null : generator.submit(months.get(0));
            for (int i = 0; i < months.size(); i++) {
                Map<LocalDate, List<Row>> partitions = result(next);
                next = i + 1 < months.size() ? generator.submit(months.get(i + 1)) : null;
                if (!partitions.isEmpty()) {
                    warehouse.replacePartitions(table, partitions);
                    rows += partitions.values().stream().mapToLong(List::size).sum();
                }
            }
            return rows;
        }
        finally {
            generator.shutdownNow();
        }
    }

    private static <T> T result(Future<T> future)
    {
        try {
            return future.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the demo league", e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The calendar months from the season's first game to its last. */
    static List<DateRange> months(DemoSeason season)
    {
        List<DateRange> months = new ArrayList<>();
        YearMonth last = YearMonth.from(season.lastGameDate());
        for (YearMonth month = YearMonth.from(season.firstGameDate()); !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(DateRange.of(month.atDay(1), month.atEndOfMonth()));
        }
        return months;
    }
}
