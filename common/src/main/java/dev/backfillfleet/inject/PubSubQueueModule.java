package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.provision.Provisioner;
import dev.backfillfleet.provision.StartupCheck;
import dev.backfillfleet.pubsub.PubSubQueueSettings;
import dev.backfillfleet.pubsub.PubSubTopology;
import dev.backfillfleet.pubsub.PubSubTransport;
import dev.backfillfleet.pubsub.PubSubWorkQueue;
import dev.backfillfleet.queue.WorkQueue;

import java.time.Duration;
import java.util.Optional;

/**
 * The Pub/Sub work queue. {@code PUBSUB_EMULATOR_HOST} points it at an emulator (the client
 * does not read that variable itself). {@code backfill.pubsub-pull-mode} chooses StreamingPull
 * (default) or synchronous Pull (unary, for the emulator). Topics and subscriptions are
 * {@link PubSubTopology}'s: provisioned by {@code coordinator setup}, checked at start-up.
 */
public final class PubSubQueueModule
        extends AbstractModule
{
    @Override
    protected void configure()
    {
        bind(WorkQueue.class).to(PubSubWorkQueue.class);
        Multibinder.newSetBinder(binder(), Provisioner.class).addBinding().to(PubSubTopology.class);
        Multibinder.newSetBinder(binder(), StartupCheck.class).addBinding().to(PubSubTopology.class);
    }

    @Provides
    @Singleton
    static PubSubQueueSettings settings(FleetConfig config)
    {
        return new PubSubQueueSettings(
                config.gcpProject().orElseThrow(),
                config.get(FleetConfig.PUBSUB_TOPIC),
                config.get(FleetConfig.PUBSUB_SUBSCRIPTION),
                config.get(FleetConfig.PUBSUB_DEAD_LETTER_TOPIC),
                config.get(FleetConfig.PUBSUB_DEAD_LETTER_SUBSCRIPTION),
                Optional.empty(),
                PubSubQueueSettings.DEFAULT_MAX_ACK_EXTENSION_PERIOD,
                Duration.ofSeconds(config.integerValue(FleetConfig.PUBSUB_RETRY_MIN_BACKOFF_SECONDS)),
                // the retry policy spaces a nacked date's redeliveries: its maximum is the longest wait
                config.maxDeferDelay(),
                PubSubQueueSettings.PullMode.parse(config.pubSubPullMode()))
                .withEnvironment(System.getenv());
    }

    @Provides
    @Singleton
    static PubSubTransport transport(PubSubQueueSettings settings, FleetConfig config, Lifecycle lifecycle)
    {
        return lifecycle.register(PubSubTransport.forSettings(settings, config.connectTimeout()));
    }

    @Provides
    @Singleton
    static PubSubWorkQueue workQueue(PubSubQueueSettings settings, PubSubTransport transport, FleetConfig config, Lifecycle lifecycle)
    {
        return lifecycle.register(PubSubWorkQueue.create(settings, config.queueSettings(), transport));
    }

    @Provides
    @Singleton
    static PubSubTopology topology(PubSubQueueSettings settings, PubSubTransport transport, FleetConfig config)
    {
        return new PubSubTopology(settings, config.queueSettings(), transport);
    }
}
