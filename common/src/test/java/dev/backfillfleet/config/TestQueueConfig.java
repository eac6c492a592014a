package dev.backfillfleet.config;

import dev.backfillfleet.queue.QueueSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.backfillfleet.testing.ConfigAssertions.assertFullMapping;
import static dev.backfillfleet.testing.ConfigAssertions.assertRecordedDefaults;
import static org.assertj.core.api.Assertions.assertThat;

class TestQueueConfig
{
    @Test
    void defaults()
    {
        assertRecordedDefaults(QueueConfig.KEYS, QueueConfig::from, new QueueConfig(Duration.ofSeconds(20), 100));
    }

    @Test
    void explicitPropertyMappings()
    {
        assertFullMapping(QueueConfig.KEYS, Map.of(
                        "backfill.ack-deadline-seconds", "600",
                        "backfill.max-delivery-attempts", "5"),
                QueueConfig::from,
                new QueueConfig(Duration.ofMinutes(10), 5));
        assertThat(new QueueConfig(Duration.ofSeconds(30), 7).settings()).isEqualTo(new QueueSettings(Duration.ofSeconds(30), 7));
    }
}
