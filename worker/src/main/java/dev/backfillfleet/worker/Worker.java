package dev.backfillfleet.worker;

import dev.backfillfleet.queue.DeadLetter;
import dev.backfillfleet.queue.QueueConsumer;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * A worker process's pull loop: a subscription that hands each delivery to the runner, and a
 * dead-letter subscription that marks undeliverable dates FAILED, so that nothing is lost.
 */
public final class Worker
        implements AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private final WorkQueue queue;
    private final StateStore stateStore;
    private final WorkItemRunner runner;
    private final WorkerSettings settings;
    private final ScheduledExecutorService heartbeats;
    private final AtomicLong lastActivityNanos = new AtomicLong(System.nanoTime());
    private QueueConsumer consumer;
    private QueueConsumer deadLetterConsumer;

    public Worker(WorkQueue queue, StateStore stateStore, WorkItemRunner runner, WorkerSettings settings, ScheduledExecutorService heartbeats)
    {
        this.queue = requireNonNull(queue, "queue is null");
        this.stateStore = requireNonNull(stateStore, "stateStore is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.heartbeats = requireNonNull(heartbeats, "heartbeats is null");
    }

    public static ScheduledExecutorService heartbeatExecutor()
    {
        return Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "lease-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    public synchronized void start()
    {
        if (consumer != null) {
            throw new IllegalStateException("worker already started");
        }
        log.info("worker {} pulling with concurrency {}", settings.workerId(), settings.concurrency());
        consumer = queue.subscribe(settings.concurrency(), delivery -> {
            lastActivityNanos.set(System.nanoTime());
            runner.handle(delivery);
            lastActivityNanos.set(System.nanoTime());
        });
        deadLetterConsumer = queue.subscribeDeadLetters(this::recordDeadLetter);
    }

    private void recordDeadLetter(DeadLetter deadLetter)
    {
        if (deadLetter.item().isEmpty()) {
            log.error("dead letter {} is not a work message and was dropped: {} ({})", deadLetter.messageId(), deadLetter.body(), deadLetter.reason());
            return;
        }
        var item = deadLetter.item().get();
        String message = "dead-lettered after " + deadLetter.deliveryAttempts() + " delivery attempts: " + deadLetter.reason();
        if (stateStore.failUndeliverable(item.key(), item.runId(), message)) {
            log.warn("{} marked FAILED: {}", item.key(), message);
        }
    }

    /**
     * Blocks until the queue has been empty, with nothing in flight here, for {@code idleFor}.
     * Uses the queue's backlog where the backend knows it, else the time since the last delivery.
     */
    public void awaitIdle(Duration idleFor)
            throws InterruptedException
    {
        long idleSince = System.nanoTime();
        while (true) {
            boolean idleNow = consumer.inFlight() == 0 && queue.backlog().orElse(0) == 0;
            if (!idleNow) {
                idleSince = System.nanoTime();
            }
            else if (System.nanoTime() - Math.max(idleSince, lastActivityNanos.get()) >= idleFor.toNanos()) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** Stops pulling, lets deliveries in progress finish within {@code grace}, then lets go of the rest. */
    public synchronized void stop(Duration grace)
    {
        if (consumer == null) {
            return;
        }
        consumer.stopPulling();
        deadLetterConsumer.stopPulling();
        try {
            if (!consumer.awaitIdle(grace)) {
                log.warn("{} deliveries still running after the {} grace period; they will be redelivered", consumer.inFlight(), grace);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
        deadLetterConsumer.close();
        consumer = null;
    }

    public WorkerSettings settings()
    {
        return settings;
    }

    @Override
    public void close()
    {
        stop(Duration.ofSeconds(10));
        heartbeats.shutdownNow();
    }
}
