package dev.backfillfleet.bigquery;

import dev.backfillfleet.config.LeaseConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static dev.backfillfleet.testing.ConfigAssertions.assertFullMapping;
import static dev.backfillfleet.testing.ConfigAssertions.assertRecordedDefaults;

class TestBigQueryConfig
{
    @Test
    void defaults()
    {
        assertRecordedDefaults(BigQueryConfig.KEYS, reader -> BigQueryConfig.from(reader, LeaseConfig.BIGQUERY_DEFAULT),
                new BigQueryConfig("nba_raw", "nba_static", "nba_analytics", "US", Duration.ofSeconds(120), 40, 1L << 30,
                        BigQueryWarehouseSettings.ReadPriority.INTERACTIVE, Optional.empty()));
    }

    @Test
    void explicitPropertyMappings()
    {
        // a write timeout that, with a quarter of it for a cancelled job to settle, stays below the lease: a write may land only while its lease holds
        assertFullMapping(BigQueryConfig.KEYS, Map.of(
                        "backfill.bigquery-dataset-raw", "raw",
                        "backfill.bigquery-dataset-static", "static_tables",
                        "backfill.bigquery-dataset-analytics", "analytics",
                        "backfill.bigquery-location", "EU",
                        "backfill.bigquery-write-timeout-seconds", "10",
                        "backfill.bigquery-partition-writes-per-10s", "45",
                        "backfill.bigquery-max-bytes-billed", "1000000000",
                        "backfill.bigquery-read-priority", "batch"),
                reader -> BigQueryConfig.from(reader, Duration.ofSeconds(13)),
                new BigQueryConfig("raw", "static_tables", "analytics", "EU", Duration.ofSeconds(10), 45, 1_000_000_000L,
                        BigQueryWarehouseSettings.ReadPriority.BATCH, Optional.empty()));
    }
}
