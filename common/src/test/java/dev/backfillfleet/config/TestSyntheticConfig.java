package dev.backfillfleet.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.backfillfleet.testing.ConfigAssertions.assertFullMapping;
import static dev.backfillfleet.testing.ConfigAssertions.assertRecordedDefaults;

class TestSyntheticConfig
{
    @Test
    void defaults()
    {
        assertRecordedDefaults(SyntheticConfig.KEYS, SyntheticConfig::from, new SyntheticConfig(Duration.ofMillis(50), 0, ""));
    }

    @Test
    void explicitPropertyMappings()
    {
        assertFullMapping(SyntheticConfig.KEYS, Map.of(
                        "backfill.synthetic-latency-ms", "0",
                        "backfill.synthetic-transient-failure-rate", "0.25",
                        "backfill.synthetic-fail-dates", "2024-01-15,2024-01-16"),
                SyntheticConfig::from,
                new SyntheticConfig(Duration.ZERO, 0.25, "2024-01-15,2024-01-16"));
    }
}
