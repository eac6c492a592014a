package dev.backfillfleet.firestore;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where the state records live: one document per (table, date) in {@code collection} of
 * {@code databaseId}. {@code emulatorHost} (host:port) points the client at the Firestore
 * emulator (the configuration loader reads it from {@code FIRESTORE_EMULATOR_HOST}).
 *
 * @param transactionAttempts attempts per read-modify-write (a conditional write that finds the
 *         document changed is read and tried again; pause and resume are transactions); the
 *         client's default of 5 can be exhausted under contention (8 threads on one date), so we
 *         default to 25
 * @param callDeadline how long one call (and the client's retries of it) may take before it fails
 *         as transient: a cut link must be noticed within a fraction of a lease. The client's own
 *         defaults are far longer (60 s for a commit, 300 s for BatchGetDocuments:
 *         https://cloud.google.com/java/docs/reference/google-cloud-firestore/latest/com.google.cloud.firestore.v1.FirestoreSettings),
 *         which would let a worker cut from Firestore hang past its lease in one call
 */
public record FirestoreStateStoreSettings(
        String projectId,
        String databaseId,
        String collection,
        Optional<String> emulatorHost,
        int transactionAttempts,
        Duration callDeadline)
{
    public static final String DEFAULT_DATABASE = "(default)";
    public static final String DEFAULT_COLLECTION = "backfill_dates";
    public static final int DEFAULT_TRANSACTION_ATTEMPTS = 25;
    public static final Duration DEFAULT_CALL_DEADLINE = Duration.ofSeconds(10);
    private static final Duration SHORTEST_CALL_DEADLINE = Duration.ofSeconds(3);

    public FirestoreStateStoreSettings
    {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(databaseId, "databaseId is null");
        requireNonNull(collection, "collection is null");
        requireNonNull(emulatorHost, "emulatorHost is null");
        if (projectId.isBlank()) {
            throw new IllegalArgumentException("projectId is blank");
        }
        if (databaseId.isBlank()) {
            throw new IllegalArgumentException("databaseId is blank");
        }
        if (collection.isBlank() || collection.contains("/")) {
            throw new IllegalArgumentException("collection must be a non-blank name without '/': " + collection);
        }
        if (transactionAttempts < 1) {
            throw new IllegalArgumentException("transactionAttempts must be at least 1: " + transactionAttempts);
        }
        requireNonNull(callDeadline, "callDeadline is null");
        if (callDeadline.isNegative() || callDeadline.isZero()) {
            throw new IllegalArgumentException("callDeadline must be positive: " + callDeadline);
        }
        emulatorHost = emulatorHost.filter(host -> !host.isBlank());
    }

    /**
     * A call's deadline for leases of {@code leaseLength}: a quarter of it, so that a renewal
     * that finds the link cut fails, and is tried again, well before the lease runs out; never
     * under 3 s (a slow but working link must not fail every call) nor over the default 10 s.
     */
    public static Duration callDeadlineFor(Duration leaseLength)
    {
        Duration quarter = leaseLength.dividedBy(4);
        return quarter.compareTo(SHORTEST_CALL_DEADLINE) < 0 ? SHORTEST_CALL_DEADLINE
                : quarter.compareTo(DEFAULT_CALL_DEADLINE) > 0 ? DEFAULT_CALL_DEADLINE : quarter;
    }

    public FirestoreStateStoreSettings withCallDeadline(Duration deadline)
    {
        return new FirestoreStateStoreSettings(projectId, databaseId, collection, emulatorHost, transactionAttempts, deadline);
    }

    /** The default database and collection, no emulator. */
    public static FirestoreStateStoreSettings of(String projectId)
    {
        return new FirestoreStateStoreSettings(projectId, DEFAULT_DATABASE, DEFAULT_COLLECTION, Optional.empty(), DEFAULT_TRANSACTION_ATTEMPTS, DEFAULT_CALL_DEADLINE);
    }

    public FirestoreStateStoreSettings withEmulatorHost(String hostAndPort)
    {
        return new FirestoreStateStoreSettings(projectId, databaseId, collection, Optional.of(hostAndPort), transactionAttempts, callDeadline);
    }

    public FirestoreStateStoreSettings withCollection(String newCollection)
    {
        return new FirestoreStateStoreSettings(projectId, databaseId, newCollection, emulatorHost, transactionAttempts, callDeadline);
    }
}
