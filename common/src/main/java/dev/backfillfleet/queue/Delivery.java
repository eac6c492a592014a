package dev.backfillfleet.queue;

import dev.backfillfleet.domain.WorkItem;

import java.time.Duration;

/**
 * One delivery of a work message. Exactly one of ack, release or defer settles it; while it is
 * unsettled, the consumer keeps extending its ack deadline.
 */
public interface Delivery
{
    WorkItem item();

    String messageId();

    /** 1 on the first delivery; counts redeliveries after releases and deadline expiries. */
    int deliveryAttempt();

    /** Done with the message: it will not be delivered again (duplicates aside). */
    void ack();

    /**
     * Gives the message back for redelivery after {@code delay}. Counts as a delivery attempt:
     * after the maximum the message goes to the dead letters. For transient failures.
     */
    void release(Duration delay);

    /**
     * Gives the message back for redelivery after about {@code delay}, at once: it holds no
     * slot while it waits. For "not now" answers: an upstream date not done yet, another
     * worker's lease, a table at capacity. The fleet's attempt budget is not touched; a queue
     * that counts every delivery (Pub/Sub) counts this one against its dead-letter maximum,
     * and the worker publishes a dead letter of a date that still needs running again.
     */
    void defer(Duration delay);

    /** How many times this message was given back before (deferred or released): its waits grow with it. */
    int timesDeferred();
}
