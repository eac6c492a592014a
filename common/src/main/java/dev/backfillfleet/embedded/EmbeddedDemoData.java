package dev.backfillfleet.embedded;

import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.DemoData;
import dev.backfillfleet.warehouse.TableSchema;

import static java.util.Objects.requireNonNull;

/** The demo league of the embedded warehouse: seeded on first use unless {@code backfill.demo-data=false}. */
public final class EmbeddedDemoData
        implements DemoData
{
    private final SeedingWarehouse warehouse;
    private final boolean seedsOnFirstUse;

    public EmbeddedDemoData(SeedingWarehouse warehouse, boolean seedsOnFirstUse)
    {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.seedsOnFirstUse = seedsOnFirstUse;
    }

    @Override
    public boolean seedsOnFirstUse()
    {
        return seedsOnFirstUse;
    }

    @Override
    public void reseed()
    {
        warehouse.reseed(RawTables.all().stream().map(TableSchema::ref).toList());
    }
}
