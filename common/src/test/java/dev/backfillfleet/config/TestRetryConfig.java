package dev.backfillfleet.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.backfillfleet.testing.ConfigAssertions.assertFullMapping;
import static dev.backfillfleet.testing.ConfigAssertions.assertRecordedDefaults;

class TestRetryConfig
{
    @Test
    void defaults()
    {
        assertRecordedDefaults(RetryConfig.KEYS, RetryConfig::from, new RetryConfig(5, 3, Duration.ofMillis(200)));
    }

    @Test
    void explicitPropertyMappings()
    {
        assertFullMapping(RetryConfig.KEYS, Map.of(
                        "backfill.max-attempts", "9",
                        "backfill.retry-attempts", "1",
                        "backfill.retry-initial-backoff-millis", "0"),
                RetryConfig::from,
                new RetryConfig(9, 1, Duration.ZERO));
    }
}
