package dev.backfillfleet.pubsub;

import com.google.api.core.ApiService;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController;
import com.google.api.gax.core.FixedExecutorProvider;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriberShutdownSettings;
import com.google.common.util.concurrent.MoreExecutors;
import dev.backfillfleet.queue.QueueConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One StreamingPull {@link Subscriber} with its own handler threads. Flow control bounds the
 * unsettled messages; the client's lease management extends their ack deadlines while they are
 * held (by a handler, or by a delayed release/defer). Closing settles whatever is still held:
 * delayed actions run at once, deliveries nobody settled are nacked, so nothing waits for a
 * deadline that a stopped subscriber no longer extends.
 */
final class PubSubConsumer
        implements QueueConsumer
{
    private static final Logger log = LoggerFactory.getLogger(PubSubConsumer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final String subscriptionPath;
    private final ScheduledExecutorService timers;
    private final ScheduledExecutorService handlers;
    private final Subscriber subscriber;
    private final Set<Object> unsettled = ConcurrentHashMap.newKeySet();
    private final Map<Object, Held> held = new ConcurrentHashMap<>();
    private final Object idleMonitor = new Object();
    private volatile boolean closed;

    PubSubConsumer(PubSubTransport transport, String subscriptionPath, int maxOutstanding, Duration maxAckExtensionPeriod,
            Duration maxDurationPerAckExtension, ScheduledExecutorService timers, Function<PubSubConsumer, MessageReceiver> receiver)
    {
        if (maxOutstanding < 1) {
            throw new IllegalArgumentException("maxOutstanding must be at least 1: " + maxOutstanding);
        }
        this.subscriptionPath = subscriptionPath;
        this.timers = timers;
        AtomicInteger threadNumber = new AtomicInteger();
        String threadName = subscriptionPath.substring(subscriptionPath.lastIndexOf('/') + 1);
        // one thread per deliverable message, plus one for the client's own callbacks
        this.handlers = new ScheduledThreadPoolExecutor(maxOutstanding + 1, runnable -> {
            Thread thread = new Thread(runnable, threadName + "-handler-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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
                if (!closed) {
                    log.error("subscriber on {} failed in state {}", subscriptionPath, from, failure);
                }
            }
        }, MoreExecutors.directExecutor());
    }

    void start()
    {
        subscriber.startAsync().awaitRunning();
    }

    /** A message handed to a handler; unsettled until {@link #settled} is called for it. */
    void track(Object delivery)
    {
        unsettled.add(delivery);
    }

    void settled(Object delivery)
    {
        unsettled.remove(delivery);
        synchronized (idleMonitor) {
            idleMonitor.notifyAll();
        }
    }

    /** Runs {@code action} after {@code delay}, or at once when the consumer closes first. */
    void hold(Object delivery, Duration delay, Runnable action)
    {
        if (delay.isNegative() || delay.isZero() || closed) {
            action.run();
            return;
        }
        Held entry = new Held(action);
        held.put(delivery, entry);
        entry.future = timers.schedule(() -> {
            if (held.remove(delivery, entry)) {
                action.run();
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stopPulling()
    {
        subscriber.stopAsync();
    }

    @Override
    public boolean awaitIdle(Duration timeout)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idleMonitor) {
            while (!unsettled.isEmpty()) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    return false;
                }
                idleMonitor.wait(Math.min(remaining, 100));
            }
        }
        return true;
    }

    @Override
    public int inFlight()
    {
        return unsettled.size();
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        subscriber.stopAsync();
        for (Map.Entry<Object, Held> entry : List.copyOf(held.entrySet())) {
            if (held.remove(entry.getKey(), entry.getValue())) {
                entry.getValue().future.cancel(false);
                runQuietly(entry.getValue().action);
            }
        }
        for (Object delivery : List.copyOf(unsettled)) {
            if (delivery instanceof PubSubDelivery pubSubDelivery) {
                pubSubDelivery.abandon();
            }
        }
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

    private static void runQuietly(Runnable action)
    {
        try {
            action.run();
        }
        catch (RuntimeException e) {
            log.warn("settling a held message failed; it is redelivered after its deadline: {}", e.getMessage());
        }
    }

    private static final class Held
    {
        final Runnable action;
        volatile ScheduledFuture<?> future;

        Held(Runnable action)
        {
            this.action = action;
        }
    }
}
