package dev.backfillfleet.embedded;

import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.queue.AbstractWorkQueueTest;
import dev.backfillfleet.queue.QueueSettings;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.testing.TestingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.backfillfleet.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

class TestSqliteWorkQueue
        extends AbstractWorkQueueTest
{
    @TempDir
    Path directory;
    private SqliteWorkQueue sqliteQueue;

    @Override
    protected WorkQueue createQueue(TestingClock clock, QueueSettings settings)
    {
        return open(clock, settings);
    }

    @Override
    protected WorkQueue createRealTimeQueue(QueueSettings settings)
    {
        return open(Clock.systemUTC(), settings);
    }

    private SqliteWorkQueue open(Clock clock, QueueSettings settings)
    {
        if (sqliteQueue != null) {
            sqliteQueue.close();
        }
        sqliteQueue = SqliteWorkQueue.open(directory.resolve("queue-" + System.nanoTime() + ".db"), settings, clock);
        return sqliteQueue;
    }

    @Override
    protected void publishRaw(String body)
    {
        sqliteQueue.publishRaw(body);
    }

    @Override
    protected void expireAckDeadlines()
    {
        clock.tick(settings().ackDeadline().plusSeconds(1));
    }

    @Override
    protected void closeQueue()
    {
        sqliteQueue.close();
    }

    /** The embedded queue does not count a deferral as a delivery attempt: waiting never dead-letters a message. */
    @Test
    void aDeferredMessageUsesNoDeliveryAttempt()
    {
        WorkItem item = items(1).get(0);
        queue.publish(List.of(item));
        AtomicInteger deliveries = new AtomicInteger();
        List<WorkItem> deadLetters = new CopyOnWriteArrayList<>();
        consumers.add(queue.subscribeDeadLetters(deadLetter -> deadLetter.item().ifPresent(deadLetters::add)));
        subscribe(1, delivery -> {
            if (deliveries.incrementAndGet() <= MAX_DELIVERY_ATTEMPTS + 2) {
                delivery.defer(Duration.ZERO);
            }
            else {
                delivery.ack();
            }
        });
        await("more deliveries than attempts allow", WAIT, () -> deliveries.get() == MAX_DELIVERY_ATTEMPTS + 3);
        assertThat(deadLetters).isEmpty();
    }

    /** An ack waits for the next pull; one that no pull followed is written when the queue closes. */
    @Test
    void anAckNoPullFollowedIsWrittenOnClose()
    {
        Path file = directory.resolve("acked.db");
        SqliteWorkQueue first = SqliteWorkQueue.open(file, settings(), clock);
        first.publish(items(1));
        CountDownLatch delivered = new CountDownLatch(1);
        CountDownLatch pullingStopped = new CountDownLatch(1);
        List<WorkItem> acked = new CopyOnWriteArrayList<>();
        var consumer = first.subscribe(1, delivery -> {
            delivered.countDown();
            awaitQuietly(pullingStopped);
            delivery.ack();
            acked.add(delivery.item());
        });
        awaitQuietly(delivered);
        // no pull follows the ack: only closing can write it
        consumer.stopPulling();
        pullingStopped.countDown();
        await("the ack", WAIT, () -> acked.size() == 1);
        consumer.close();
        first.close();

        SqliteWorkQueue reopened = SqliteWorkQueue.open(file, settings(), clock);
        try {
            assertThat(reopened.backlog()).hasValue(0);
        }
        finally {
            reopened.close();
        }
    }

    private static void awaitQuietly(CountDownLatch latch)
    {
        try {
            assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
