package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.backfillfleet.bigquery.BigQueryConfig;
import dev.backfillfleet.bigquery.BigQuerySetup;
import dev.backfillfleet.bigquery.BigQueryWarehouse;
import dev.backfillfleet.bigquery.BigQueryWarehouseSettings;
import dev.backfillfleet.config.GoogleCloudConfig;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.provision.AdapterInUse;
import dev.backfillfleet.provision.Port;
import dev.backfillfleet.provision.Provisioner;
import dev.backfillfleet.provision.StartupCheck;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.PartitionWriteGate;
import dev.backfillfleet.warehouse.PermitWindows;
import dev.backfillfleet.warehouse.Warehouse;
import dev.backfillfleet.warehouse.WindowedWriteGate;

import java.time.Clock;
import java.util.Map;

/**
 * The BigQuery warehouse. Our dataset names map to the configured BigQuery datasets; the
 * datasets and tables are {@link BigQuerySetup}'s: provisioned by {@code coordinator setup},
 * checked at a worker's start-up.
 */
public final class BigQueryWarehouseModule
        extends AbstractModule
{
    @Override
    protected void configure()
    {
        bind(Warehouse.class).to(BigQueryWarehouse.class);
        Multibinder.newSetBinder(binder(), Provisioner.class).addBinding().to(BigQuerySetup.class);
        Multibinder.newSetBinder(binder(), StartupCheck.class).addBinding().to(BigQuerySetup.class);
    }

    @Provides
    @Singleton
    static BigQueryWarehouseSettings settings(GoogleCloudConfig cloud, BigQueryConfig config)
    {
        BigQueryWarehouseSettings settings = BigQueryWarehouseSettings.of(cloud.project())
                .withDatasets(Map.of(
                        RawTables.RAW_DATASET, config.rawDataset(),
                        RawTables.STATIC_DATASET, config.staticDataset(),
                        AnalyticsTable.DATASET, config.analyticsDataset()))
                .withLocation(config.location())
                .withWriteTimeout(config.writeTimeout())
                .withReadPriority(config.readPriority())
                .withCancelSettle(BigQueryWarehouseSettings.cancelSettleFor(config.writeTimeout()));
        settings = config.maximumBytesBilled() > 0 ? settings.withMaximumBytesBilled(config.maximumBytesBilled()) : settings.withoutMaximumBytesBilled();
        return config.emulatorHost().map(settings::withEmulatorHost).orElse(settings);
    }

    /**
     * BigQuery's partition-write rate is paced fleet-wide with permits kept where the state is
     * (the state adapter provides the permit store).
     */
    @Provides
    @Singleton
    static PartitionWriteGate writeGate(WindowedWriteGate.PermitStore permits, BigQueryConfig config, @StoreTime Clock storeTime)
    {
        // the windows are fleet-wide: every worker counts them in the store's time, not its own clock's
        return new WindowedWriteGate(permits, new PermitWindows(config.partitionWritesPer10Seconds()), storeTime);
    }

    @Provides
    @Singleton
    static BigQueryWarehouse warehouse(BigQueryWarehouseSettings settings, SchemaCatalog catalog)
    {
        return BigQueryWarehouse.create(settings, catalog);
    }

    @Provides
    @Singleton
    static BigQuerySetup setup(BigQueryWarehouseSettings settings, SchemaCatalog catalog)
    {
        return new BigQuerySetup(settings, catalog);
    }

    @ProvidesIntoSet
    static AdapterInUse adapter(GoogleCloudConfig cloud)
    {
        return new AdapterInUse(Port.WAREHOUSE, "bigquery", "project " + cloud.project());
    }
}
