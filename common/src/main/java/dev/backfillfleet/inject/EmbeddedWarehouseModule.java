package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backfillfleet.config.FleetConfig;

import dev.backfillfleet.embedded.SeedingWarehouse;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Warehouse;

/** The embedded warehouse, {@code $BACKFILL_HOME/warehouse.db}, seeded with the demo league on first use. */
public final class EmbeddedWarehouseModule
        extends AbstractModule
{
    @Override
    protected void configure()
    {
        bind(Warehouse.class).to(SeedingWarehouse.class);
    }

    @Provides
    @Singleton
    static SeedingWarehouse seedingWarehouse(FleetConfig config, SchemaCatalog catalog, Lifecycle lifecycle)
    {
        SqliteWarehouse warehouse = lifecycle.register(SqliteWarehouse.open(config.home().resolve("warehouse.db"), catalog));
        return new SeedingWarehouse(warehouse, config.home(), ignored -> {}, System.err);
    }
}
