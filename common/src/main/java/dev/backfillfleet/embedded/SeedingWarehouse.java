package dev.backfillfleet.embedded;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.Warehouse;

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
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Seeds the embedded warehouse with the demo league the first time any process touches a raw
 * table. A file lock makes one process seed while the others wait (and, within a process, the
 * monitor, since file locks are per process); a marker file records that it is done, so later
 * processes and restarts skip it.
 */
public final class SeedingWarehouse
        implements Warehouse
{
    private static final String MARKER = "warehouse.seeded";
    private static final String LOCK = "warehouse.seed.lock";

    private final Warehouse delegate;
    private final Path home;
    private final Consumer<Warehouse> seeder;
    private final PrintStream messages;
    private volatile boolean seeded;

    public SeedingWarehouse(Warehouse delegate, Path home, Consumer<Warehouse> seeder, PrintStream messages)
    {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.home = requireNonNull(home, "home is null");
        this.seeder = requireNonNull(seeder, "seeder is null");
        this.messages = requireNonNull(messages, "messages is null");
    }

    /** Seeds now unless already done; with {@code force}, seeds again over whatever is there. */
    public synchronized void seed(boolean force)
    {
        try {
            Files.createDirectories(home);
            try (FileChannel channel = FileChannel.open(home.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (!force && Files.exists(home.resolve(MARKER))) {
                    seeded = true;
                    return;
                }
                messages.println("Seeding the embedded warehouse in " + home.toAbsolutePath() + " with the demo league (seasons 2021-22 to 2025-26)...");
                long start = System.nanoTime();
                seeder.accept(delegate);
                Files.writeString(home.resolve(MARKER), "seeded\n");
                messages.printf("Seeded the demo league in %.1f s.%n", (System.nanoTime() - start) / 1e9);
                seeded = true;
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot seed the warehouse in " + home, e);
        }
    }

    private void seedOnFirstUse(TableRef table)
    {
        if (!seeded && isRaw(table)) {
            seed(false);
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
    public List<Row> readAll(TableRef table)
    {
        seedOnFirstUse(table);
        return delegate.readAll(table);
    }

    @Override
    public long replacePartition(TableRef table, LocalDate date, List<Row> rows)
    {
        seedOnFirstUse(table);
        return delegate.replacePartition(table, date, rows);
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
}
