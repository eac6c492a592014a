package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.demo.DemoDataSeeder;
import dev.backfillfleet.embedded.SeedingWarehouse;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Warehouse;

/**
 * The embedded warehouse, {@code $BACKFILL_HOME/warehouse.db}, seeded with the demo league on
 * first use unless {@code backfill.demo-data=false}.
 */
public final class EmbeddedWarehouseModule
        extends AbstractModule
{
    @Provides
    @Singleton
    static SqliteWarehouse sqliteWarehouse(FleetConfig config, SchemaCatalog catalog, Lifecycle lifecycle)
    {
        return lifecycle.register(SqliteWarehouse.open(config.home().resolve("warehouse.db"), catalog));
    }

    @Provides
    @Singleton
    static SeedingWarehouse seedingWarehouse(FleetConfig config, SqliteWarehouse warehouse)
    {
        DemoLeagueSupplier league = new DemoLeagueSupplier();
        return new SeedingWarehouse(warehouse, config.home(), (target, table) -> DemoDataSeeder.seedTable(target, league.get(), table), System.err);
    }

    @Provides
    @Singleton
    static Warehouse warehouse(FleetConfig config, SqliteWarehouse warehouse, SeedingWarehouse seedingWarehouse)
    {
        return config.demoData() ? seedingWarehouse : warehouse;
    }
}
