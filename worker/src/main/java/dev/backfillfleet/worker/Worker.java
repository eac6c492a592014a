package dev.backfillfleet.worker;

import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.queue.DeadLetter;
import dev.backfillfleet.queue.QueueConsumer;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.state.DeadLetterDecision;
import dev.backfillfleet.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * A worker process's pull loop: a subscription that hands each delivery to the runner, and a
 * dead-letter subscription that publishes again the message of a date that still needs running
 * (a dead letter means only that it waited), so that nothing is lost and nothing fails for waiting.
 * Stopping gives back, before anything closes, whatever did not finish within the grace period.
 */
public final class Worker
        implements AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(Worker.class);
    // after the grace period, how long dates asked to stop may take to give themselves back
    private static final Duration GIVE_BACK_TIMEOUT = Duration.ofSeconds(5);

    private final WorkQueue queue;
    private final StateStore stateStore;
    private final WorkItemRunner runner;
    private final WorkerSettings settings;
    private final FatalFailures fatal;
    private final AtomicLong lastActivityNanos = new AtomicLong(System.nanoTime());
    private volatile QueueConsumer consumer;
    private QueueConsumer deadLetterConsumer;

    public Worker(WorkQueue queue, StateStore stateStore, WorkItemRunner runner, WorkerSettings settings, FatalFailures fatal)
    {
        this.queue = requireNonNull(queue, "queue is null");
        this.stateStore = requireNonNull(stateStore, "stateStore is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.fatal = requireNonNull(fatal, "fatal is null");
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
        }, fatal::report);
        deadLetterConsumer = queue.subscribeDeadLetters(this::recordDeadLetter);
    }

    private static String oneLine(String text)
    {
        String flat = String.valueOf(text).replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    private void recordDeadLetter(DeadLetter deadLetter)
    {
        if (deadLetter.item().isEmpty()) {
            // one line whatever the body holds: a broken producer's bytes must not forge log lines
            log.error("dead letter {} is not a work message and was dropped: {} ({}); publish work with 'coordinator enqueue', not by hand",
                    deadLetter.messageId(), oneLine(deadLetter.body()), oneLine(deadLetter.reason()));
            return;
        }
        var item = deadLetter.item().get();
        // a dead letter proves only that the date waited (on Pub/Sub every wait is a delivery):
        // the state record's attempt budget bounds real failures, so nothing here fails a date
        DeadLetterDecision decision = stateStore.settleDeadLetter(item.key());
        switch (decision) {
            case PUBLISH_AGAIN -> {
                // published before the dead letter is acked: a failed publish leaves the dead letter to come back
                queue.publish(List.of(item));
                log.warn("{} {} still needs running after {} deliveries ({}): its message is published again",
                        item.table().tableName(), item.date(), deadLetter.deliveryAttempts(), oneLine(deadLetter.reason()));
            }
            case CANCELLED -> log.warn("{} {}: cancelled while it ran and its worker is gone: CANCELLED", item.table().tableName(), item.date());
            case ALREADY_TERMINAL, HELD_BY_LIVE_LEASE -> log.debug("dead letter of {} dropped: {}", item.key(), decision);
        }
    }

    /** The first failure that stops this worker: a broken environment, a subscription that ended. */
    public java.util.concurrent.CompletableFuture<FleetException> fatalFailure()
    {
        return fatal.first();
    }

    /**
     * Blocks until the queue has been empty, with nothing in flight here, for {@code idleFor},
     * or a fatal failure happened. Uses the queue's backlog where the backend knows it, else the
     * time since the last delivery.
     */
    public void awaitIdle(Duration idleFor)
            throws InterruptedException
    {
        long idleSince = System.nanoTime();
        while (!fatal.first().isDone()) {
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

    /**
     * Stops pulling, lets deliveries in progress finish within {@code grace}, then asks the rest
     * to give their dates back (QUEUED again, message back to the queue, not counted as a failure)
     * and waits for that; only then closes the subscriptions.
     */
    public void stop(Duration grace)
    {
        stop(grace, GIVE_BACK_TIMEOUT);
    }

    /** Stops within the budget's steps, counted from now (SIGTERM): finish, give back; the caller bounds the close. */
    public void stop(ShutdownBudget budget)
    {
        stop(budget.finishWithin(), ShutdownBudget.GIVE_BACK);
    }

    private synchronized void stop(Duration grace, Duration giveBackFor)
    {
        if (consumer == null) {
            return;
        }
        consumer.stopPulling();
        deadLetterConsumer.stopPulling();
        try {
            if (!consumer.awaitIdle(grace)) {
                int stopped = runner.stopAll("shutdown after a " + grace.toMillis() / 1000.0 + " s grace period");
                log.warn("{} dates still running after the {} s grace period: giving them back", stopped, grace.toMillis() / 1000.0);
                if (!consumer.awaitIdle(giveBackFor)) {
                    log.warn("{} deliveries did not give themselves back in time; their leases expire and they are redelivered", consumer.inFlight());
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
        deadLetterConsumer.close();
        consumer = null;
    }

    /** Why the queue is out of reach now, where the subscription can tell (see docs/clocks-and-faults.md). */
    public java.util.Optional<String> queueProblem()
    {
        QueueConsumer pulling = consumer;
        return pulling == null ? java.util.Optional.empty() : pulling.unreachable();
    }

    public WorkerSettings settings()
    {
        return settings;
    }

    @Override
    public void close()
    {
        stop(Duration.ofSeconds(10));
    }
}
