package dev.backfillfleet.state;

import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.state.DateTransitions.Decided;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * How a backend keeps the state records: the one primitive the state machine needs, "read these
 * records, let me decide, write what I decided", under the backend's own concurrency control,
 * for one record and for a batch, plus the queries. {@link TransitioningStateStore} writes the
 * state machine's operations once over it; a new backend implements this, not the operations.
 *
 * <p>A decision is given the record as read (absent if there is none) and the time, read from
 * the storage's clock where no other writer can change the record any more (under SQLite's
 * write lock; after Firestore's read, whose write is conditional on it); it returns what it
 * decided and the record to write, if any. It may throw (e.g. {@link LeaseLostException}): nothing is written then. An optimistic
 * storage may call it again for the same key when the record changed between its read and its
 * write, so a decision must have no effect of its own. Every record written is the whole record.
 */
public interface StateStorage
        extends StateQueries, AutoCloseable
{
    /** Reads one record, decides and writes, as one transaction (or its equivalent). */
    <R> R update(String operation, DateKey key, Decision<R> decision);

    /**
     * {@link #update}, for a claim: the decision is also given how many dates of the key's
     * table run under a live lease now. Where that count is read (inside the transaction, or
     * just before it, possibly reused while far below {@code maxRunningPerTable}) is the
     * storage's choice; it says why.
     */
    <R> R updateCounted(String operation, DateKey key, int maxRunningPerTable, CountedDecision<R> decision);

    /**
     * Decides for each key and writes what changed, in batches of the storage's size, each read
     * and written together (one transaction, or one bulk write whose keys that changed meanwhile
     * are decided again one by one). Returns each key's decision.
     */
    <R> Map<DateKey, R> updateEach(String operation, Collection<DateKey> keys, Decision<R> decision);

    /** Closes what the storage opened for itself; one it was given stays open. */
    @Override
    default void close() {}

    @FunctionalInterface
    interface Decision<R>
    {
        Decided<R> decide(DateKey key, Optional<DateRecord> current, Instant now);
    }

    @FunctionalInterface
    interface CountedDecision<R>
    {
        /**
         * @param liveLeasesOfTable dates of the key's table RUNNING under a live lease, read just before
         */
        Decided<R> decide(Optional<DateRecord> current, Instant now, long liveLeasesOfTable);
    }
}
