package dev.backfillfleet.pubsub;

import com.google.cloud.pubsub.v1.AckReplyConsumer;

import java.time.Duration;

/**
 * A reply that can give a message back for redelivery after a delay without holding it: unary
 * pull sets the message's ack deadline to the delay. The streaming client has no such call; its
 * nack takes the subscription's retry-policy backoff instead.
 */
interface DelayedNackReply
        extends AckReplyConsumer
{
    void nackAfter(Duration delay);
}
