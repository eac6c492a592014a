package dev.backfillfleet.pubsub;

import com.google.pubsub.v1.Subscription;
import dev.backfillfleet.queue.QueueSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The work subscription setup asks for, and the ack deadlines a delayed nack sets; no server needed. */
class TestPubSubSubscriptionShape
{
    private static final QueueSettings QUEUE = new QueueSettings(Duration.ofSeconds(60), 100);

    @Test
    void onPubSubTheRetryPolicySpacesRedeliveries()
    {
        PubSubQueueSettings settings = PubSubQueueSettings.of("a-project", "backfill-work").withRetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        try (PubSubTransport transport = PubSubTransport.forSettings(settings)) {
            Subscription subscription = new PubSubTopology(settings, QUEUE, transport).workSubscription();
            assertThat(subscription.getRetryPolicy().getMinimumBackoff().getSeconds()).isEqualTo(1);
            assertThat(subscription.getRetryPolicy().getMaximumBackoff().getSeconds()).isEqualTo(60);
            assertThat(subscription.getDeadLetterPolicy().getMaxDeliveryAttempts()).isEqualTo(100);
        }
    }

    @Test
    void onTheEmulatorWithUnaryPullThereIsNoRetryPolicy()
    {
        PubSubQueueSettings unary = PubSubQueueSettings.of("a-project", "backfill-work").withEmulatorHost("127.0.0.1:1")
                .withPullMode(PubSubQueueSettings.PullMode.UNARY);
        try (PubSubTransport transport = PubSubTransport.forSettings(unary)) {
            Subscription subscription = new PubSubTopology(unary, QUEUE, transport).workSubscription();
            assertThat(subscription.hasRetryPolicy()).isFalse();
            assertThat(subscription.getDeadLetterPolicy().getMaxDeliveryAttempts()).isEqualTo(100);
        }
        PubSubQueueSettings streaming = unary.withPullMode(PubSubQueueSettings.PullMode.STREAMING);
        try (PubSubTransport transport = PubSubTransport.forSettings(streaming)) {
            assertThat(new PubSubTopology(streaming, QUEUE, transport).workSubscription().hasRetryPolicy())
                    .as("StreamingPull's nacks are spaced by the policy, on the emulator too").isTrue();
        }
    }

    @Test
    void aDelayBecomesWholeSecondsRoundedUpWithinPubSubsBounds()
    {
        assertThat(UnaryLeases.deadlineSeconds(Duration.ZERO)).isZero();
        assertThat(UnaryLeases.deadlineSeconds(Duration.ofMillis(-5))).isZero();
        assertThat(UnaryLeases.deadlineSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(UnaryLeases.deadlineSeconds(Duration.ofMillis(700))).isEqualTo(1);
        assertThat(UnaryLeases.deadlineSeconds(Duration.ofMillis(1000))).isEqualTo(1);
        assertThat(UnaryLeases.deadlineSeconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(UnaryLeases.deadlineSeconds(Duration.ofMinutes(30))).isEqualTo(600);
    }
}
