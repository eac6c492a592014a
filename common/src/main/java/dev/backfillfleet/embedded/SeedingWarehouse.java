package dev.backfillfleet.embedded;

import dev.backfillfleet.catalog.SqlDialect;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.PartitionWrite;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.SelectedColumn;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.Warehouse;
import dev.backfillfleet.warehouse.WriteToken;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Seeds each raw table of the embedded warehouse with the demo league the first time any process
 * touches it, so that a process pays only for the tables it reads. A file lock makes one process
 * seed while the others wait (and, within a process, the monitor, since file locks are per
 * process); a marker file per table records that it is done, so later processes skip it.
 */
public final class SeedingWarehouse
        implements Warehouse
{
    private static final String MARKERS = "warehouse.seeded";
    private static final String LOCK = "warehouse.seed.lock";

    private final Warehouse delegate;
    private final Path home;
    private final RawTableSeeder seeder;
    private final PrintStream messages;
    private final Set<TableRef> seeded = ConcurrentHashMap.newKeySet();
    // tables whose seeding this process announced: a seed that failed (a full disk) is tried again by the
    // next thread that needs it, silently, so that the one line about the failure is the error's
    private final Set<TableRef> announced = ConcurrentHashMap.newKeySet();

    public SeedingWarehouse(Warehouse delegate, Path home, RawTableSeeder seeder, PrintStream messages)
    {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.home = requireNonNull(home, "home is null");
        this.seeder = requireNonNull(seeder, "seeder is null");
        this.messages = requireNonNull(messages, "messages is null");
    }

    /** The file that records that {@code table} was seeded completely in {@code home}. */
    public static Path markerOf(Path home, TableRef table)
    {
        return home.resolve(MARKERS).resolve(table.toString());
    }

    /** Writes one demo table into a warehouse. */
    @FunctionalInterface
    public interface RawTableSeeder
    {
        void seed(Warehouse warehouse, TableRef table);
    }

    /** Seeds every raw table again, over whatever is there. */
    public synchronized void reseed(List<TableRef> tables)
    {
        for (TableRef table : tables) {
            seed(table, true);
        }
    }

    private synchronized void seed(TableRef table, boolean force)
    {
        Path marker = markerOf(home, table);
        try {
            Files.createDirectories(marker.getParent());
            try (FileChannel channel = FileChannel.open(home.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (force || !Files.exists(marker)) {
                    long start = System.nanoTime();
                    boolean announce = announced.add(table);
                    if (announce) {
                        messages.printf("Seeding the demo league's %s into %s (first use)...", table, home.toAbsolutePath().normalize());
                    }
                    try {
                        seeder.seed(delegate, table);
                        Files.writeString(marker, "seeded\n");
                    }
                    catch (IOException | RuntimeException e) {
                        if (announce) {
                            // end the line: what went wrong is said once, by whoever reports the failure
                            messages.println(" stopped");
                        }
                        throw e;
                    }
                    if (announce) {
                        messages.printf(" %.1f s%n", (System.nanoTime() - start) / 1e9);
                    }
                }
                seeded.add(table);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot seed " + table + " in " + home, e);
        }
    }

    private void seedOnFirstUse(TableRef table)
    {
        if (!seeded.contains(table) && isRaw(table)) {
            seed(table, false);
        }
    }

    private static boolean isRaw(TableRef table)
    {
        return table.dataset().equals(RawTables.RAW_DATASET) || table.dataset().equals(RawTables.STATIC_DATASET);
    }

    @Override
    public List<Row> read(TableRef table, DateRange dates)
    {
        seedOnFirstUse(table);
        return delegate.read(table, dates);
    }

    @Override
    public List<Row> read(TableRef table, DateRange dates, List<String> columns)
    {
        seedOnFirstUse(table);
        return delegate.read(table, dates, columns);
    }

    @Override
    public List<Row> readAll(TableRef table, List<String> columns)
    {
        seedOnFirstUse(table);
        return delegate.readAll(table, columns);
    }

    @Override
    public List<Row> readAll(TableRef table)
    {
        seedOnFirstUse(table);
        return delegate.readAll(table);
    }

    @Override
    public long replacePartition(TableRef table, LocalDate date, List<Row> rows, WriteToken token)
    {
        seedOnFirstUse(table);
        return delegate.replacePartition(table, date, rows, token);
    }

    @Override
    public void replacePartitions(TableRef table, Map<LocalDate, List<Row>> partitions)
    {
        seedOnFirstUse(table);
        delegate.replacePartitions(table, partitions);
    }

    @Override
    public void replaceAll(TableRef table, List<Row> rows)
    {
        seedOnFirstUse(table);
        delegate.replaceAll(table, rows);
    }

    @Override
    public long countPartition(TableRef table, LocalDate date)
    {
        seedOnFirstUse(table);
        return delegate.countPartition(table, date);
    }

    /** Another table than the fleet's: nothing to seed. */
    @Override
    public Optional<List<Column>> describeTable(TableRef table)
    {
        return delegate.describeTable(table);
    }

    @Override
    public List<Row> readColumns(TableRef table, String dateColumn, DateRange dates, List<Column> columns)
    {
        return delegate.readColumns(table, dateColumn, dates, columns);
    }

    @Override
    public SqlDialect dialect()
    {
        return delegate.dialect();
    }

    @Override
    public String sqlTableName(TableRef table)
    {
        return delegate.sqlTableName(table);
    }

    /** A catalog table's SQL may read any raw table: all are seeded before it runs. */
    @Override
    public PartitionWrite replacePartitionWithSelect(TableRef table, LocalDate date, String select, WriteToken token)
    {
        seedEveryRawTable();
        return delegate.replacePartitionWithSelect(table, date, select, token);
    }

    @Override
    public long selectCount(String select, LocalDate date)
    {
        seedEveryRawTable();
        return delegate.selectCount(select, date);
    }

    @Override
    public List<SelectedColumn> describeSelect(String select)
    {
        return delegate.describeSelect(select);
    }

    private void seedEveryRawTable()
    {
        RawTables.all().forEach(schema -> seedOnFirstUse(schema.ref()));
    }
}
