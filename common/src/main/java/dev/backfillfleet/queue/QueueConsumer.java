package dev.backfillfleet.queue;

import java.time.Duration;
import java.util.Optional;

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

    /**
     * Why the queue is out of reach now (its calls that must answer fail), where the consumer can
     * tell; empty while it answers, or where it cannot tell.
     */
    default Optional<String> unreachable()
    {
        return Optional.empty();
    }

    /** Stops pulling and releases the threads; unsettled deliveries are redelivered later. */
    @Override
    void close();
}
