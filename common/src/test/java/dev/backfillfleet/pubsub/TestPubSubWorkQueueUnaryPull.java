package dev.backfillfleet.pubsub;

import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.queue.QueueConsumer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.backfillfleet.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Pub/Sub contract suite on the emulator with synchronous (unary) Pull, the mode the
 * end-to-end tests use because of the emulator's StreamingPull defect (see
 * {@link TestPubSubWorkQueue} and {@link UnaryPullConsumer}).
 */
class TestPubSubWorkQueueUnaryPull
        extends TestPubSubWorkQueue
{
    @Override
    protected PubSubQueueSettings.PullMode pullMode()
    {
        return PubSubQueueSettings.PullMode.UNARY;
    }

    @Test
    void stopPullingIsHonouredWithinAboutASecond()
    {
        List<WorkItem> received = new CopyOnWriteArrayList<>();
        QueueConsumer consumer = subscribe(2, delivery -> {
            received.add(delivery.item());
            delivery.ack();
        });
        consumer.stopPulling();
        sleepUninterruptibly(UnaryPullConsumer.PULL_DEADLINE.plusMillis(500));
        queue.publish(items(1));
        sleepUninterruptibly(Duration.ofSeconds(2));
        assertThat(received).isEmpty();
        long start = System.nanoTime();
        consumer.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

        subscribe(2, delivery -> {
            received.add(delivery.item());
            delivery.ack();
        });
        await("the item, for the next consumer", WAIT, () -> received.size() == 1);
    }

    @Test
    void aDeliveryHeldLongerThanTheAckDeadlineIsNotRedelivered()
    {
        queue.publish(items(1));
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        subscribe(1, delivery -> {
            attempts.add(delivery.deliveryAttempt());
            // longer than the 10 s ack deadline: the consumer must extend it
            sleepUninterruptibly(settings().ackDeadline().plusSeconds(5));
            delivery.ack();
        });
        await("the first delivery", WAIT, () -> attempts.size() == 1);
        sleepUninterruptibly(settings().ackDeadline().plusSeconds(10));
        assertThat(attempts).containsExactly(1);
    }
}
