package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backfillfleet.bigquery.BigQueryWarehouse;
import dev.backfillfleet.bigquery.BigQueryWarehouseSettings;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.warehouse.Warehouse;

import java.util.Map;

/**
 * The BigQuery warehouse. Our dataset names map to the configured BigQuery datasets; missing
 * tables are created from the schemas in code.
 */
public final class BigQueryWarehouseModule
        extends AbstractModule
{
    @Provides
    @Singleton
    static Warehouse warehouse(FleetConfig config, SchemaCatalog catalog)
    {
        BigQueryWarehouseSettings settings = BigQueryWarehouseSettings.of(config.gcpProject().orElseThrow())
                .withDatasets(Map.of(
                        RawTables.RAW_DATASET, config.get(FleetConfig.BIGQUERY_DATASET_RAW),
                        RawTables.STATIC_DATASET, config.get(FleetConfig.BIGQUERY_DATASET_STATIC),
                        AnalyticsTable.DATASET, config.get(FleetConfig.BIGQUERY_DATASET_ANALYTICS)))
                .withLocation(config.get(FleetConfig.BIGQUERY_LOCATION));
        if (config.bigQueryMaximumBytesBilled() > 0) {
            settings = settings.withMaximumBytesBilled(config.bigQueryMaximumBytesBilled());
        }
        BigQueryWarehouse warehouse = BigQueryWarehouse.create(settings, catalog);
        warehouse.ensureTables();
        return warehouse;
    }
}
