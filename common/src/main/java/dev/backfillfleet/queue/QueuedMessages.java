package dev.backfillfleet.queue;

import dev.backfillfleet.domain.DateKey;

import java.util.Set;

/**
 * The messages a queue holds, where they can be listed (the embedded queue; Pub/Sub's cannot be):
 * the doctor compares them with the dates the state store says are queued.
 */
public interface QueuedMessages
{
    /** Where the messages are, as a person names it, e.g. {@code queue.db}. */
    String where();

    /** The (table, date)s that have a message, live or dead-lettered. Reads only. */
    Set<DateKey> keysWithAMessage();
}
