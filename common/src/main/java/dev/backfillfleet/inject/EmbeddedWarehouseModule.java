package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backfillfleet.demo.DemoDataSeeder;
import dev.backfillfleet.embedded.EmbeddedConfig;
import dev.backfillfleet.embedded.SeedingWarehouse;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.PartitionWriteGate;
import dev.backfillfleet.warehouse.Warehouse;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The embedded warehouse, {@code $BACKFILL_HOME/warehouse.db}, opened on first use and seeded
 * with the demo league on first read unless {@code backfill.demo-data=false}. A read-only
 * process seeds nothing: it reads what is there.
 */
public final class EmbeddedWarehouseModule
        extends AbstractModule
{
    /** The embedded warehouse has no limit on partition writes to pace. */
    @Override
    protected void configure()
    {
        bind(PartitionWriteGate.class).toInstance(PartitionWriteGate.UNLIMITED);
    }

    @Provides
    @Singleton
    static SqliteWarehouse sqliteWarehouse(EmbeddedConfig config, AccessMode access, SchemaCatalog catalog, Lifecycle lifecycle)
    {
        Path file = config.home().resolve("warehouse.db");
        return lifecycle.register(access == AccessMode.READ_ONLY ? SqliteWarehouse.openReadOnly(file, catalog) : SqliteWarehouse.open(file, catalog));
    }

    @Provides
    @Singleton
    static SeedingWarehouse seedingWarehouse(EmbeddedConfig config, SqliteWarehouse warehouse)
    {
        DemoLeagueSupplier league = new DemoLeagueSupplier();
        return new SeedingWarehouse(warehouse, config.home(), (target, table) -> DemoDataSeeder.seedTable(target, league.get(), table), standardError());
    }

    /**
     * System.err as it is when a message is written, not when the warehouse was made: a command
     * that redraws progress on the terminal (run) sends it above its block meanwhile.
     */
    private static PrintStream standardError()
    {
        return new PrintStream(new OutputStream()
        {
            @Override
            public void write(int b)
            {
                System.err.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length)
            {
                System.err.write(bytes, offset, length);
            }

            @Override
            public void flush()
            {
                System.err.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }

    @Provides
    @Singleton
    static Warehouse warehouse(EmbeddedConfig config, AccessMode access, SqliteWarehouse warehouse, SeedingWarehouse seedingWarehouse)
    {
        return config.demoData() && access == AccessMode.READ_WRITE ? seedingWarehouse : warehouse;
    }
}
