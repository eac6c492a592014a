package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.backfillfleet.demo.DemoDataSeeder;
import dev.backfillfleet.doctor.ContentCheck;
import dev.backfillfleet.doctor.StorageCheck;
import dev.backfillfleet.embedded.DemoSeedCheck;
import dev.backfillfleet.embedded.EmbeddedConfig;
import dev.backfillfleet.embedded.EmbeddedDemoData;
import dev.backfillfleet.embedded.SeedingWarehouse;
import dev.backfillfleet.embedded.SqliteFileCheck;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.provision.AdapterInUse;
import dev.backfillfleet.provision.Port;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.DemoData;
import dev.backfillfleet.warehouse.PartitionWriteGate;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.warehouse.Warehouse;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The embedded warehouse, {@code $BACKFILL_HOME/warehouse.db}, opened on first use and seeded
 * with the demo league on first read unless {@code backfill.demo-data=false}. A read-only
 * process seeds nothing: it reads what is there. The doctor checks the file and the seed.
 */
public final class EmbeddedWarehouseModule
        extends AbstractModule
{
    /** The embedded warehouse has no limit on partition writes to pace. */
    @Override
    protected void configure()
    {
        bind(PartitionWriteGate.class).toInstance(PartitionWriteGate.UNLIMITED);
        OptionalBinder.newOptionalBinder(binder(), DemoData.class).setBinding().to(EmbeddedDemoData.class);
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

    /** The demo league can be written anew ({@code coordinator demo-data}), whatever backfill.demo-data says of the first use. */
    @Provides
    @Singleton
    static EmbeddedDemoData demoData(EmbeddedConfig config, SeedingWarehouse seedingWarehouse)
    {
        return new EmbeddedDemoData(seedingWarehouse, config.demoData());
    }

    @ProvidesIntoSet
    static AdapterInUse adapter(EmbeddedConfig config)
    {
        return new AdapterInUse(Port.WAREHOUSE, "embedded", "home " + config.home().toAbsolutePath().normalize());
    }

    @ProvidesIntoSet
    static StorageCheck fileCheck(EmbeddedConfig config)
    {
        Path home = config.home().toAbsolutePath().normalize();
        Path file = home.resolve("warehouse.db");
        return new SqliteFileCheck(Port.WAREHOUSE, file, mends -> "move it aside: mv " + file + " " + home.resolve("warehouse.db.corrupt") + " && rm -r "
                + home.resolve("warehouse.seeded") + ", then " + mends.coordinator("demo-data")
                + " (or import your data again) and run the tables again with --force");
    }

    @ProvidesIntoSet
    static ContentCheck demoSeedCheck(EmbeddedConfig config, SqliteWarehouse warehouse)
    {
        return new DemoSeedCheck(config, warehouse, RawTables.all().stream().map(TableSchema::ref).toList());
    }

    @Provides
    @Singleton
    static Warehouse warehouse(EmbeddedConfig config, AccessMode access, SqliteWarehouse warehouse, SeedingWarehouse seedingWarehouse)
    {
        return config.demoData() && access == AccessMode.READ_WRITE ? seedingWarehouse : warehouse;
    }
}
