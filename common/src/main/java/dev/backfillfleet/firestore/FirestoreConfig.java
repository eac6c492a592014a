package dev.backfillfleet.firestore;

import dev.backfillfleet.config.ConfigKey;
import dev.backfillfleet.config.ConfigReader;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Where the state records (and beside them the pauses, runs and write permits) live in
 * Firestore, and, from {@code FIRESTORE_EMULATOR_HOST}, an emulator to use instead.
 */
public record FirestoreConfig(String database, String collection, Optional<String> emulatorHost)
{
    public static final String EMULATOR_HOST_VARIABLE = "FIRESTORE_EMULATOR_HOST";

    public static final ConfigKey DATABASE = new ConfigKey("backfill.firestore-database", "(default)", "Firestore database id");
    public static final ConfigKey COLLECTION = new ConfigKey("backfill.firestore-collection", "backfill_dates", "Firestore collection of date records");
    public static final List<ConfigKey> KEYS = List.of(DATABASE, COLLECTION);

    // https://firebase.google.com/docs/firestore/quotas#collections_documents_and_fields, https://cloud.google.com/firestore/docs/manage-databases#database_id
    private static final Pattern DATABASE_ID = Pattern.compile("\\(default\\)|[a-z][a-z0-9-]{2,61}[a-z0-9]");
    private static final Pattern COLLECTION_ID = Pattern.compile("(?!__.*__$)[A-Za-z0-9_][A-Za-z0-9_.,-]{0,1499}");

    public FirestoreConfig
    {
        requireNonNull(database, "database is null");
        requireNonNull(collection, "collection is null");
        requireNonNull(emulatorHost, "emulatorHost is null");
    }

    public static FirestoreConfig from(ConfigReader reader)
    {
        return new FirestoreConfig(
                reader.name(DATABASE, DATABASE_ID, "a Firestore database id: (default), or 4-63 lowercase letters, digits and hyphens, starting with a letter"),
                reader.name(COLLECTION, COLLECTION_ID, "a Firestore collection id: letters, digits and _ - . , without '/' and not __like_this__"),
                reader.variable(EMULATOR_HOST_VARIABLE));
    }
}
