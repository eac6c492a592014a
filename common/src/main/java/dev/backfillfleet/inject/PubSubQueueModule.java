package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.pubsub.PubSubQueueSettings;
import dev.backfillfleet.pubsub.PubSubWorkQueue;
import dev.backfillfleet.queue.WorkQueue;

import java.time.Duration;
import java.util.Optional;

/**
 * The Pub/Sub work queue. {@code PUBSUB_EMULATOR_HOST} points it at an emulator (the client
 * does not read that variable itself). Topics and subscriptions are created if missing, with
 * the dead-letter and retry policies of the configuration. {@code backfill.pubsub-pull-mode}
 * chooses StreamingPull (default) or synchronous Pull (unary, for the emulator).
 */
public final class PubSubQueueModule
        extends AbstractModule
{
    @Provides
    @Singleton
    static WorkQueue workQueue(FleetConfig config, Lifecycle lifecycle)
    {
        PubSubQueueSettings settings = new PubSubQueueSettings(
                config.gcpProject().orElseThrow(),
                config.get(FleetConfig.PUBSUB_TOPIC),
                config.get(FleetConfig.PUBSUB_SUBSCRIPTION),
                config.get(FleetConfig.PUBSUB_DEAD_LETTER_TOPIC),
                config.get(FleetConfig.PUBSUB_DEAD_LETTER_SUBSCRIPTION),
                Optional.empty(),
                PubSubQueueSettings.DEFAULT_MAX_ACK_EXTENSION_PERIOD,
                Duration.ofSeconds(config.integerValue(FleetConfig.PUBSUB_RETRY_MIN_BACKOFF_SECONDS)),
                PubSubQueueSettings.MAX_RETRY_BACKOFF,
                PubSubQueueSettings.PullMode.parse(config.pubSubPullMode()))
                .withEnvironment(System.getenv());
        PubSubWorkQueue queue = lifecycle.register(PubSubWorkQueue.create(settings, config.queueSettings()));
        queue.ensureTopology();
        return queue;
    }
}
