package dev.backfillfleet.queue;

import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.WorkItem;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The work port, with Pub/Sub semantics: at-least-once delivery, ack, release with delay,
 * redelivery when an ack deadline expires, and dead letters after the maximum delivery
 * attempts. Implementations: the embedded SQLite queue and Google Cloud Pub/Sub.
 */
public interface WorkQueue
{
    /** Publishes one message per item, in batches. Returns once every message is durable. */
    void publish(List<WorkItem> items);

    /**
     * Delivers messages to {@code handler}, at most {@code maxOutstanding} unsettled at a time
     * (flow control: a worker never holds work it cannot start). A failure that ends the
     * subscription (its subscription or file is gone, permission withdrawn) goes to {@code onFailure},
     * once, classified; transient pull failures are retried.
     */
    QueueConsumer subscribe(int maxOutstanding, Consumer<Delivery> handler, Consumer<FleetException> onFailure);

    default QueueConsumer subscribe(int maxOutstanding, Consumer<Delivery> handler)
    {
        return subscribe(maxOutstanding, handler, failure -> org.slf4j.LoggerFactory.getLogger(WorkQueue.class).error("subscription ended: {}", failure.getMessage()));
    }

    /** Delivers dead letters to {@code handler}; each is acked when the handler returns normally. */
    QueueConsumer subscribeDeadLetters(Consumer<DeadLetter> handler);

    /** Messages published and not yet acked (waiting, delayed or in flight), if the backend can tell. */
    OptionalLong backlog();
}
