package dev.backfillfleet.pubsub;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.pubsub.v1.PubsubMessage;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.queue.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Pub/Sub delivery. ack acks. release and defer give the message back at once, so that it
 * holds no flow-control slot while it waits: with unary pull after the delay asked for (its ack
 * deadline is set to it), with StreamingPull after the subscription's retry-policy backoff,
 * which grows with each delivery up to its maximum
 * (https://cloud.google.com/pubsub/docs/handling-failures#exponential_backoff). Either way
 * Pub/Sub counts a delivery attempt; the fleet's attempt budget is the state record's, and a
 * message past the dead-letter maximum is published again while its date still needs running.
 */
final class PubSubDelivery
        implements Delivery
{
    private static final Logger log = LoggerFactory.getLogger(PubSubDelivery.class);

    private final PubSubConsumer consumer;
    private final PubsubMessage message;
    private final AckReplyConsumer reply;
    private final WorkItem item;
    private final int deliveryAttempt;
    private final AtomicBoolean settled = new AtomicBoolean();

    PubSubDelivery(PubSubConsumer consumer, PubsubMessage message, AckReplyConsumer reply, WorkItem item, int deliveryAttempt)
    {
        this.consumer = consumer;
        this.message = message;
        this.reply = reply;
        this.item = item;
        this.deliveryAttempt = deliveryAttempt;
    }

    @Override
    public WorkItem item()
    {
        return item;
    }

    @Override
    public String messageId()
    {
        return message.getMessageId();
    }

    @Override
    public int deliveryAttempt()
    {
        return deliveryAttempt;
    }

    @Override
    public void ack()
    {
        if (claim("ack")) {
            try {
                reply.ack();
            }
            finally {
                consumer.settled(this);
            }
        }
    }

    @Override
    public void release(Duration delay)
    {
        if (claim("release")) {
            try {
                nackAfter(delay);
            }
            finally {
                consumer.settled(this);
            }
        }
    }

    @Override
    public void defer(Duration delay)
    {
        if (claim("defer")) {
            try {
                nackAfter(delay);
            }
            finally {
                consumer.settled(this);
            }
        }
    }

    @Override
    public int timesDeferred()
    {
        return deliveryAttempt - 1;
    }

    private void nackAfter(Duration delay)
    {
        if (reply instanceof DelayedNackReply delayed) {
            delayed.nackAfter(delay);
        }
        else {
            reply.nack();
        }
    }

    /** The consumer closes while nobody settled this delivery: give it back now. */
    void abandon()
    {
        if (settled.compareAndSet(false, true)) {
            try {
                reply.nack();
            }
            finally {
                consumer.settled(this);
            }
        }
    }

    boolean isSettled()
    {
        return settled.get();
    }

    /**
     * Takes the one settlement a delivery has. The consumer hears of it only after the reply is
     * sent: a stopping worker closes its subscriber once nothing is unsettled, and a nack sent
     * after that close is lost, leaving the message to come back only at its ack deadline.
     */
    private boolean claim(String how)
    {
        if (!settled.compareAndSet(false, true)) {
            log.warn("{} of {} (message {}) ignored: the delivery is already settled", how, item, messageId());
            return false;
        }
        return true;
    }

    @Override
    public String toString()
    {
        return item + " message " + messageId() + " attempt " + deliveryAttempt;
    }
}
