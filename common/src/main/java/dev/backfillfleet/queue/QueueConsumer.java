package dev.backfillfleet.queue;

import java.time.Duration;

/** A running subscription: calls its handler on its own threads until stopped. */
public interface QueueConsumer
        extends AutoCloseable
{
    /** Stops taking new messages; deliveries in progress go on. */
    void stopPulling();

    /** Waits until no delivery is in progress; true if that happened within {@code timeout}. */
    boolean awaitIdle(Duration timeout)
            throws InterruptedException;

    /** Deliveries handed to the handler and not yet settled. */
    int inFlight();

    /** Stops pulling and releases the threads; unsettled deliveries are redelivered later. */
    @Override
    void close();
}
