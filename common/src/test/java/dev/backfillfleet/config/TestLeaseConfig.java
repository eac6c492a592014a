package dev.backfillfleet.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.backfillfleet.testing.ConfigAssertions.assertFullMapping;
import static dev.backfillfleet.testing.ConfigAssertions.assertRecordedDefaults;

class TestLeaseConfig
{
    @Test
    void defaultsFollowTheWarehouse()
    {
        assertRecordedDefaults(LeaseConfig.KEYS, reader -> LeaseConfig.from(reader, WarehouseBackend.EMBEDDED), new LeaseConfig(Duration.ofSeconds(20)));
        assertRecordedDefaults(LeaseConfig.KEYS, reader -> LeaseConfig.from(reader, WarehouseBackend.BIGQUERY), new LeaseConfig(Duration.ofSeconds(180)));
    }

    @Test
    void explicitPropertyMappings()
    {
        assertFullMapping(LeaseConfig.KEYS, Map.of("backfill.lease-seconds", "120"), reader -> LeaseConfig.from(reader, WarehouseBackend.EMBEDDED),
                new LeaseConfig(Duration.ofMinutes(2)));
        assertFullMapping(LeaseConfig.KEYS, Map.of("backfill.lease-seconds", "120"), reader -> LeaseConfig.from(reader, WarehouseBackend.BIGQUERY),
                new LeaseConfig(Duration.ofMinutes(2)));
    }
}
