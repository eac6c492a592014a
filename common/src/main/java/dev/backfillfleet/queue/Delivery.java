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
     * Gives the message back for redelivery after {@code delay} without using up a delivery
     * attempt. For "not now" answers: an upstream date not done yet, another worker's lease.
     */
    void defer(Duration delay);
}
