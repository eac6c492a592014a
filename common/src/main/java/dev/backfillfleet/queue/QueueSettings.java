package dev.backfillfleet.queue;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Subscription behaviour shared by every queue adapter: how long a delivery may stay unsettled
 * before redelivery, and how many deliveries a message gets before it becomes a dead letter.
 */
public record QueueSettings(Duration ackDeadline, int maxDeliveryAttempts)
{
    public QueueSettings
    {
        requireNonNull(ackDeadline, "ackDeadline is null");
        if (ackDeadline.isNegative() || ackDeadline.isZero()) {
            throw new IllegalArgumentException("ackDeadline must be positive: " + ackDeadline);
        }
        if (maxDeliveryAttempts < 1) {
            throw new IllegalArgumentException("maxDeliveryAttempts must be at least 1: " + maxDeliveryAttempts);
        }
    }

    /** Pub/Sub's defaults: a 60 s stream ack deadline, 5 delivery attempts before the dead letters. */
    public static QueueSettings defaults()
    {
        return new QueueSettings(Duration.ofSeconds(60), 5);
    }
}
