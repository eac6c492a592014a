package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.backfillfleet.config.GoogleCloudConfig;
import dev.backfillfleet.config.QueueConfig;
import dev.backfillfleet.config.WorkerConfig;
import dev.backfillfleet.provision.AdapterInUse;
import dev.backfillfleet.provision.Port;
import dev.backfillfleet.provision.Provisioner;
import dev.backfillfleet.provision.StartupCheck;
import dev.backfillfleet.pubsub.PubSubConfig;
import dev.backfillfleet.pubsub.PubSubQueueSettings;
import dev.backfillfleet.pubsub.PubSubTopology;
import dev.backfillfleet.pubsub.PubSubTransport;
import dev.backfillfleet.pubsub.PubSubWorkQueue;
import dev.backfillfleet.queue.WorkQueue;


/**
 * The Pub/Sub work queue. {@code PUBSUB_EMULATOR_HOST} (read by the configuration loader, since
 * the client does not read that variable itself) points it at an emulator. {@code backfill.pubsub-pull-mode} chooses StreamingPull
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
    static PubSubQueueSettings settings(GoogleCloudConfig cloud, PubSubConfig config, WorkerConfig worker)
    {
        return new PubSubQueueSettings(
                cloud.project(),
                config.topic(),
                config.subscription(),
                config.deadLetterTopic(),
                config.deadLetterSubscription(),
                config.emulatorHost(),
                PubSubQueueSettings.DEFAULT_MAX_ACK_EXTENSION_PERIOD,
                config.retryMinimumBackoff(),
                // the retry policy spaces a nacked date's redeliveries: its maximum is the longest wait
                worker.maxDeferDelay(),
                config.pullMode());
    }

    @Provides
    @Singleton
    static PubSubTransport transport(PubSubQueueSettings settings, PubSubConfig config, Lifecycle lifecycle)
    {
        return lifecycle.register(PubSubTransport.forSettings(settings, config.connectTimeout()));
    }

    @Provides
    @Singleton
    static PubSubWorkQueue workQueue(PubSubQueueSettings settings, PubSubTransport transport, QueueConfig queue, Lifecycle lifecycle)
    {
        return lifecycle.register(PubSubWorkQueue.create(settings, queue.settings(), transport));
    }

    @Provides
    @Singleton
    static PubSubTopology topology(PubSubQueueSettings settings, PubSubTransport transport, QueueConfig queue)
    {
        return new PubSubTopology(settings, queue.settings(), transport);
    }

    @ProvidesIntoSet
    static AdapterInUse adapter(GoogleCloudConfig cloud)
    {
        return new AdapterInUse(Port.QUEUE, "pubsub", "project " + cloud.project());
    }
}
