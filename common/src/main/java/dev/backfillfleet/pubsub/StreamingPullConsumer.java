package dev.backfillfleet.pubsub;

import com.google.api.core.ApiService;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController;
import com.google.api.gax.core.FixedExecutorProvider;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriberShutdownSettings;
import com.google.common.util.concurrent.MoreExecutors;
import dev.backfillfleet.domain.FleetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One StreamingPull {@link Subscriber} with its own handler threads. Flow control bounds the
 * unsettled messages; the client's lease management extends their ack deadlines while they are
 * held (by a handler, or by a delayed release/defer).
 */
final class StreamingPullConsumer
        extends PubSubConsumer
{
    private static final Logger log = LoggerFactory.getLogger(StreamingPullConsumer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ScheduledExecutorService handlers;
    private final Subscriber subscriber;

    StreamingPullConsumer(PubSubTransport transport, String subscriptionPath, int maxOutstanding, Duration maxAckExtensionPeriod,
            Duration maxDurationPerAckExtension, Function<PubSubConsumer, MessageReceiver> receiver,
            Consumer<FleetException> onFailure)
    {
        super(subscriptionPath, maxOutstanding);
        // one thread per deliverable message, plus one for the client's own callbacks
        this.handlers = handlerThreads(subscriptionPath, maxOutstanding + 1);
        Subscriber.Builder builder = Subscriber.newBuilder(subscriptionPath, receiver.apply(this))
                .setFlowControlSettings(FlowControlSettings.newBuilder()
                        .setMaxOutstandingElementCount((long) maxOutstanding)
                        .setLimitExceededBehavior(FlowController.LimitExceededBehavior.Block)
                        .build())
                .setMaxAckExtensionPeriodDuration(maxAckExtensionPeriod)
                // the stream's ack deadline never exceeds the subscription's: a dead worker's messages come back after it
                .setMaxDurationPerAckExtensionDuration(maxDurationPerAckExtension)
                .setParallelPullCount(1)
                .setExecutorProvider(FixedExecutorProvider.create(handlers))
                .setSubscriberShutdownSettings(SubscriberShutdownSettings.newBuilder()
                        .setMode(SubscriberShutdownSettings.ShutdownMode.WAIT_FOR_PROCESSING)
                        .setTimeout(maxAckExtensionPeriod)
                        .build());
        transport.channelProvider().ifPresent(builder::setChannelProvider);
        transport.credentialsProvider().ifPresent(builder::setCredentialsProvider);
        this.subscriber = builder.build();
        subscriber.addListener(new ApiService.Listener()
        {
            @Override
            public void failed(ApiService.State from, Throwable failure)
            {
                if (!isClosed()) {
                    log.debug("subscriber on {} failed in state {}", subscriptionPath, from, failure);
                    onFailure.accept(PubSubFailures.translate("pull", "subscription " + subscriptionPath, failure));
                }
            }
        }, MoreExecutors.directExecutor());
    }

    @Override
    void start()
    {
        subscriber.startAsync().awaitRunning();
    }

    @Override
    public void stopPulling()
    {
        subscriber.stopAsync();
    }

    @Override
    protected void shutdown()
    {
        try {
            subscriber.awaitTerminated(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            log.warn("subscriber on {} did not stop within {}", subscriptionPath, STOP_TIMEOUT);
        }
        catch (IllegalStateException e) {
            log.debug("subscriber on {} ended in failure", subscriptionPath, e);
        }
        handlers.shutdownNow();
    }
}
