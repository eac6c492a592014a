package dev.backfillfleet.config;

import dev.backfillfleet.queue.QueueSettings;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** What every work queue honours: the ack deadline of a delivery, and the deliveries before a message is dead-lettered. */
public record QueueConfig(Duration ackDeadline, int maxDeliveryAttempts)
{
    public static final ConfigKey ACK_DEADLINE_SECONDS = new ConfigKey("backfill.ack-deadline-seconds", "20", "queue ack deadline (Pub/Sub: 10-600)");
    public static final ConfigKey MAX_DELIVERY_ATTEMPTS = new ConfigKey("backfill.max-delivery-attempts", "100",
            "deliveries of a message before it is dead-lettered; a date still to run is published again, never FAILED for it (Pub/Sub: 5-100; waits count there)");
    public static final List<ConfigKey> KEYS = List.of(ACK_DEADLINE_SECONDS, MAX_DELIVERY_ATTEMPTS);

    public QueueConfig
    {
        requireNonNull(ackDeadline, "ackDeadline is null");
    }

    public static QueueConfig from(ConfigReader reader)
    {
        return new QueueConfig(Duration.ofSeconds(reader.integer(ACK_DEADLINE_SECONDS, 1, 600)), reader.integer(MAX_DELIVERY_ATTEMPTS, 1, 100));
    }

    public QueueSettings settings()
    {
        return new QueueSettings(ackDeadline, maxDeliveryAttempts);
    }
}
