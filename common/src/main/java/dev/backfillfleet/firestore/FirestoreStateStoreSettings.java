package dev.backfillfleet.firestore;

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
 */
public record FirestoreStateStoreSettings(
        String projectId,
        String databaseId,
        String collection,
        Optional<String> emulatorHost,
        int transactionAttempts)
{
    public static final String DEFAULT_DATABASE = "(default)";
    public static final String DEFAULT_COLLECTION = "backfill_dates";
    public static final int DEFAULT_TRANSACTION_ATTEMPTS = 25;

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
        emulatorHost = emulatorHost.filter(host -> !host.isBlank());
    }

    /** The default database and collection, no emulator. */
    public static FirestoreStateStoreSettings of(String projectId)
    {
        return new FirestoreStateStoreSettings(projectId, DEFAULT_DATABASE, DEFAULT_COLLECTION, Optional.empty(), DEFAULT_TRANSACTION_ATTEMPTS);
    }

    public FirestoreStateStoreSettings withEmulatorHost(String hostAndPort)
    {
        return new FirestoreStateStoreSettings(projectId, databaseId, collection, Optional.of(hostAndPort), transactionAttempts);
    }

    public FirestoreStateStoreSettings withCollection(String newCollection)
    {
        return new FirestoreStateStoreSettings(projectId, databaseId, newCollection, emulatorHost, transactionAttempts);
    }
}
