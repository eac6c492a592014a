package dev.backfillfleet.embedded;

import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.queue.QueueConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Turns a pull function into a subscription, as the Pub/Sub client's subscriber does: a poller
 * thread pulls as many messages as there are free slots, handler threads run them, and a
 * timer keeps extending the deadline of every message in progress. A message whose handler
 * throws is released at once.
 */
final class PollingConsumer<M>
        implements QueueConsumer
{
    private static final Logger log = LoggerFactory.getLogger(PollingConsumer.class);
    private static final long MIN_IDLE_POLL_MILLIS = 5;
    private static final long MAX_IDLE_POLL_MILLIS = 200;

    private final IntFunction<List<M>> pull;
    private final Consumer<M> handler;
    private final BiConsumer<M, Duration> release;
    private final Consumer<Collection<M>> extend;
    private final Consumer<FleetException> onFailure;
    private final Semaphore freeSlots;
    private final Set<M> inProgress = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService handlers;
    private final Thread poller;
    private final ScheduledExecutorService extender;
    private final Object idleMonitor = new Object();
    private volatile boolean pulling = true;

    PollingConsumer(String name, int maxOutstanding, IntFunction<List<M>> pull, Consumer<M> handler,
            BiConsumer<M, Duration> release, Duration ackDeadline, Consumer<Collection<M>> extend, Consumer<FleetException> onFailure)
    {
        if (maxOutstanding < 1) {
            throw new IllegalArgumentException("maxOutstanding must be at least 1: " + maxOutstanding);
        }
        this.pull = pull;
        this.handler = handler;
        this.release = release;
        this.extend = extend;
        this.onFailure = onFailure;
        this.freeSlots = new Semaphore(maxOutstanding);
        AtomicInteger threadNumber = new AtomicInteger();
        this.handlers = Executors.newFixedThreadPool(maxOutstanding, runnable -> daemon(runnable, name + "-handler-" + threadNumber.incrementAndGet()));
        this.extender = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, name + "-deadline-extender"));
        long extendEveryMillis = Math.max(1, ackDeadline.toMillis() / 3);
        extender.scheduleWithFixedDelay(this::extendInProgress, extendEveryMillis, extendEveryMillis, TimeUnit.MILLISECONDS);
        this.poller = daemon(this::pollLoop, name + "-poller");
        poller.start();
    }

    private static Thread daemon(Runnable runnable, String name)
    {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private void pollLoop()
    {
        long idleMillis = MIN_IDLE_POLL_MILLIS;
        while (pulling) {
            try {
                freeSlots.acquire();
                int slots = 1 + freeSlots.drainPermits();
                List<M> messages;
                try {
                    messages = pulling ? pull.apply(slots) : List.of();
                }
                catch (RuntimeException e) {
                    freeSlots.release(slots);
                    throw e;
                }
                freeSlots.release(slots - messages.size());
                messages.forEach(this::dispatch);
                if (messages.isEmpty()) {
                    Thread.sleep(idleMillis);
                    idleMillis = Math.min(MAX_IDLE_POLL_MILLIS, idleMillis * 2);
                }
                else {
                    idleMillis = MIN_IDLE_POLL_MILLIS;
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException e) {
                if (FleetException.classify(e) == ErrorClass.ENVIRONMENT) {
                    pulling = false;
                    onFailure.accept(e instanceof FleetException fleetException ? fleetException : FleetException.environment(e.getMessage(), e));
                    return;
                }
                log.warn("pull failed, retrying: {}", e.getMessage());
                sleepQuietly(MAX_IDLE_POLL_MILLIS);
            }
        }
    }

    private void dispatch(M message)
    {
        inProgress.add(message);
        inFlight.incrementAndGet();
        handlers.execute(() -> {
            try {
                handler.accept(message);
            }
            catch (RuntimeException e) {
                log.error("handler failed on {}, releasing it", message, e);
                releaseQuietly(message);
            }
            finally {
                inProgress.remove(message);
                inFlight.decrementAndGet();
                freeSlots.release();
                synchronized (idleMonitor) {
                    idleMonitor.notifyAll();
                }
            }
        });
    }

    private void releaseQuietly(M message)
    {
        try {
            release.accept(message, Duration.ZERO);
        }
        catch (RuntimeException e) {
            log.warn("could not release {}; it is redelivered when its deadline expires: {}", message, e.getMessage());
        }
    }

    private void extendInProgress()
    {
        try {
            extend.accept(List.copyOf(inProgress));
        }
        catch (RuntimeException e) {
            log.warn("could not extend ack deadlines: {}", e.getMessage());
        }
    }

    private static void sleepQuietly(long millis)
    {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stopPulling()
    {
        pulling = false;
        poller.interrupt();
    }

    @Override
    public boolean awaitIdle(Duration timeout)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idleMonitor) {
            while (inFlight.get() > 0) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    return false;
                }
                idleMonitor.wait(remaining);
            }
        }
        return true;
    }

    @Override
    public int inFlight()
    {
        return inFlight.get();
    }

    @Override
    public void close()
    {
        stopPulling();
        try {
            poller.join(5_000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handlers.shutdownNow();
        extender.shutdownNow();
    }
}
