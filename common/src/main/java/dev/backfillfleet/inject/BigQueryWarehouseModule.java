package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.backfillfleet.bigquery.BigQuerySetup;
import dev.backfillfleet.bigquery.BigQueryWarehouse;
import dev.backfillfleet.bigquery.BigQueryWarehouseSettings;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.provision.Provisioner;
import dev.backfillfleet.provision.StartupCheck;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.Duration;
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
    static BigQueryWarehouseSettings settings(FleetConfig config)
    {
        BigQueryWarehouseSettings settings = BigQueryWarehouseSettings.of(config.gcpProject().orElseThrow())
                .withDatasets(Map.of(
                        RawTables.RAW_DATASET, config.get(FleetConfig.BIGQUERY_DATASET_RAW),
                        RawTables.STATIC_DATASET, config.get(FleetConfig.BIGQUERY_DATASET_STATIC),
                        AnalyticsTable.DATASET, config.get(FleetConfig.BIGQUERY_DATASET_ANALYTICS)))
                .withLocation(config.get(FleetConfig.BIGQUERY_LOCATION))
                .withWriteTimeout(Duration.ofSeconds(config.integerValue(FleetConfig.BIGQUERY_WRITE_TIMEOUT_SECONDS)));
        settings = config.bigQueryMaximumBytesBilled() > 0
                ? settings.withMaximumBytesBilled(config.bigQueryMaximumBytesBilled())
                : settings.withoutMaximumBytesBilled();
        return settings.withReadPriority(config.bigQueryReadPriority().equals("batch")
                ? BigQueryWarehouseSettings.ReadPriority.BATCH
                : BigQueryWarehouseSettings.ReadPriority.INTERACTIVE)
                .withEnvironment(System.getenv());
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
}
