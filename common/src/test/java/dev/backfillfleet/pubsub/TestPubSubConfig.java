package dev.backfillfleet.pubsub;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static dev.backfillfleet.testing.ConfigAssertions.assertFullMapping;
import static dev.backfillfleet.testing.ConfigAssertions.assertRecordedDefaults;

class TestPubSubConfig
{
    @Test
    void defaults()
    {
        assertRecordedDefaults(PubSubConfig.KEYS, PubSubConfig::from, new PubSubConfig("backfill-work", "backfill-work-workers", "backfill-work-dead-letter",
                "backfill-work-dead-letter-workers", Duration.ofSeconds(1), PubSubQueueSettings.PullMode.STREAMING, Duration.ofSeconds(10), Optional.empty()));
    }

    @Test
    void explicitPropertyMappings()
    {
        assertFullMapping(PubSubConfig.KEYS, Map.of(
                        "backfill.pubsub-topic", "work",
                        "backfill.pubsub-subscription", "work-pullers",
                        "backfill.pubsub-dead-letter-topic", "work-dead",
                        "backfill.pubsub-dead-letter-subscription", "work-dead-readers",
                        "backfill.pubsub-retry-min-backoff-seconds", "5",
                        "backfill.pubsub-pull-mode", "unary",
                        "backfill.connect-timeout-seconds", "30"),
                PubSubConfig::from,
                new PubSubConfig("work", "work-pullers", "work-dead", "work-dead-readers", Duration.ofSeconds(5), PubSubQueueSettings.PullMode.UNARY,
                        Duration.ofSeconds(30), Optional.empty()));
    }
}
