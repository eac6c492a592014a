package dev.backfillfleet.pubsub;

import dev.backfillfleet.queue.QueueConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What both pull modes share: the deliveries handed to a handler and not yet settled, and
 * closing. Closing nacks the deliveries nobody settled, so nothing waits for a deadline that
 * a stopped subscriber no longer extends. Subclasses receive the messages:
 * {@link StreamingPullConsumer} and {@link UnaryPullConsumer}.
 */
abstract class PubSubConsumer
        implements QueueConsumer
{
    private static final Logger log = LoggerFactory.getLogger(PubSubConsumer.class);

    protected final String subscriptionPath;
    private final Set<Object> unsettled = ConcurrentHashMap.newKeySet();
    private final Object idleMonitor = new Object();
    private volatile boolean closed;

    protected PubSubConsumer(String subscriptionPath, int maxOutstanding)
    {
        if (maxOutstanding < 1) {
            throw new IllegalArgumentException("maxOutstanding must be at least 1: " + maxOutstanding);
        }
        this.subscriptionPath = subscriptionPath;
    }

    /** Handler threads named after the subscription. */
    protected static ScheduledThreadPoolExecutor handlerThreads(String subscriptionPath, int threads)
    {
        AtomicInteger threadNumber = new AtomicInteger();
        String threadName = subscriptionPath.substring(subscriptionPath.lastIndexOf('/') + 1);
        return new ScheduledThreadPoolExecutor(threads, runnable -> {
            Thread thread = new Thread(runnable, threadName + "-handler-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    abstract void start();

    /** Stops receiving and waits (boundedly) for the receiving machinery to end; called once by {@link #close()}. */
    protected abstract void shutdown();

    protected boolean isClosed()
    {
        return closed;
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
        stopPulling();
        for (Object delivery : List.copyOf(unsettled)) {
            if (delivery instanceof PubSubDelivery pubSubDelivery) {
                pubSubDelivery.abandon();
            }
        }
        shutdown();
    }
}
