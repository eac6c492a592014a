package dev.backfillfleet.queue;

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
     * (flow control: a worker never holds work it cannot start).
     */
    QueueConsumer subscribe(int maxOutstanding, Consumer<Delivery> handler);

    /** Delivers dead letters to {@code handler}; each is acked when the handler returns normally. */
    QueueConsumer subscribeDeadLetters(Consumer<DeadLetter> handler);

    /** Messages published and not yet acked (waiting, delayed or in flight), if the backend can tell. */
    OptionalLong backlog();
}
