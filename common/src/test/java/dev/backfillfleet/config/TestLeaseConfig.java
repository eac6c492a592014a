package dev.backfillfleet.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.backfillfleet.testing.ConfigAssertions.assertFullMapping;
import static dev.backfillfleet.testing.ConfigAssertions.assertRecordedDefaults;

class TestLeaseConfig
{
    @Test
    void defaults()
    {
        assertRecordedDefaults(LeaseConfig.KEYS, LeaseConfig::from, new LeaseConfig(Duration.ofSeconds(20)));
    }

    @Test
    void explicitPropertyMappings()
    {
        assertFullMapping(LeaseConfig.KEYS, Map.of("backfill.lease-seconds", "120"), LeaseConfig::from, new LeaseConfig(Duration.ofMinutes(2)));
    }
}
