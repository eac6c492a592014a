package dev.backfillfleet.pubsub;

import com.google.pubsub.v1.PubsubMessage;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.WorkItem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stopping worker closes its subscriber once its consumer has nothing unsettled, and a reply
 * sent after that close is lost: a given-back date's message would come back only at its ack
 * deadline. So a delivery counts as settled only once its reply has been sent.
 */
class TestPubSubDelivery
{
    private final TestingConsumer consumer = new TestingConsumer();
    private final RecordingReply reply = new RecordingReply(consumer);
    private final PubSubDelivery delivery = new PubSubDelivery(consumer, PubsubMessage.newBuilder().setMessageId("m-1").build(), reply,
            new WorkItem(AnalyticsTable.SYNTHETIC, LocalDate.parse("2024-06-01"), "run-1"), 1);

    TestPubSubDelivery()
    {
        consumer.track(delivery);
    }

    @Test
    void anAckIsSentBeforeTheConsumerIsIdle()
    {
        assertSentWhileUnsettled(() -> delivery.ack(), "ack");
    }

    @Test
    void aReleaseIsSentBeforeTheConsumerIsIdle()
    {
        assertSentWhileUnsettled(() -> delivery.release(Duration.ZERO), "nack after PT0S");
    }

    @Test
    void aDeferIsSentBeforeTheConsumerIsIdle()
    {
        assertSentWhileUnsettled(() -> delivery.defer(Duration.ofSeconds(30)), "nack after PT30S");
    }

    @Test
    void anAbandonedDeliveryIsNackedBeforeTheConsumerIsIdle()
    {
        assertSentWhileUnsettled(() -> delivery.abandon(), "nack");
    }

    @Test
    void onlyTheFirstSettlementReplies()
    {
        delivery.release(Duration.ZERO);
        delivery.ack();
        delivery.abandon();

        assertThat(reply.sent).containsExactly("nack after PT0S while 1 unsettled");
        assertThat(consumer.inFlight()).isZero();
    }

    @Test
    void aReplyThatThrowsStillSettles()
    {
        reply.failNext = true;

        // the reply's failure reaches the caller; the consumer is no longer waiting on it
        assertThatThrownBy(delivery::ack).isInstanceOf(IllegalStateException.class).hasMessage("the channel is closed");
        assertThat(consumer.inFlight()).isZero();
    }

    private void assertSentWhileUnsettled(Runnable settle, String reply)
    {
        assertThat(consumer.inFlight()).isEqualTo(1);
        settle.run();
        assertThat(this.reply.sent).containsExactly(reply + " while 1 unsettled");
        assertThat(consumer.inFlight()).isZero();
    }

    private static final class RecordingReply
            implements DelayedNackReply
    {
        private final PubSubConsumer consumer;
        private final List<String> sent = new ArrayList<>();
        private boolean failNext;

        RecordingReply(PubSubConsumer consumer)
        {
            this.consumer = consumer;
        }

        @Override
        public void nackAfter(Duration delay)
        {
            record("nack after " + delay);
        }

        @Override
        public void ack()
        {
            record("ack");
        }

        @Override
        public void nack()
        {
            record("nack");
        }

        private void record(String reply)
        {
            if (failNext) {
                throw new IllegalStateException("the channel is closed");
            }
            sent.add(reply + " while " + consumer.inFlight() + " unsettled");
        }
    }

    private static final class TestingConsumer
            extends PubSubConsumer
    {
        TestingConsumer()
        {
            super("projects/p/subscriptions/s", 1);
        }

        @Override
        void start() {}

        @Override
        protected void shutdown() {}

        @Override
        public void stopPulling() {}
    }
}
