package dev.backfillfleet.firestore;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.TransactionOptions;
import dev.backfillfleet.catalog.AppliedCatalog;
import dev.backfillfleet.catalog.CatalogEntry;
import dev.backfillfleet.catalog.CatalogStore;
import dev.backfillfleet.catalog.StoredDefinitions;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.provision.StartupCheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.backfillfleet.firestore.FirestoreClient.await;
import static java.util.Objects.requireNonNull;

/**
 * The applied catalog as one Firestore document beside the state records
 * ({@code <collection>_catalog/current}): the version, who applied it when and from which file,
 * and a map of the user's tables, each with its version and its definition in the catalog file
 * format (readable in the console). An apply is a transaction that reads the document and writes
 * it only if its version is the one the apply was checked against. A document holds at most
 * 1 MiB (https://cloud.google.com/firestore/quotas#limits): hundreds of definitions.
 */
public final class FirestoreCatalogStore
        implements CatalogStore, StartupCheck
{
    static final String VERSION = "version";
    static final String APPLIED_AT = "appliedAt";
    static final String APPLIED_BY = "appliedBy";
    static final String SOURCE = "source";
    static final String TABLES = "tables";
    static final String DEFINITION = "definition";
    private static final String DOCUMENT = "current";

    private final FirestoreClient client;
    private final String collection;
    private final TransactionOptions transactionOptions;

    public FirestoreCatalogStore(FirestoreClient client, String stateCollection, int transactionAttempts)
    {
        this.client = requireNonNull(client, "client is null");
        this.collection = catalogCollection(requireNonNull(stateCollection, "stateCollection is null"));
        this.transactionOptions = TransactionOptions.createReadWriteOptionsBuilder().setNumberOfAttempts(transactionAttempts).build();
    }

    /** The collection of the applied catalog, next to the state records: {@code backfill_dates_catalog}. */
    public static String catalogCollection(String stateCollection)
    {
        return stateCollection + "_catalog";
    }

    @Override
    public Optional<AppliedCatalog> read()
    {
        return read(await("read of the table catalog", document().get()));
    }

    @Override
    public void write(AppliedCatalog next)
    {
        DocumentReference document = document();
        await("apply of table catalog version " + next.version(), client.get().runTransaction(transaction -> {
            long stored = read(transaction.get(document).get()).map(AppliedCatalog::version).orElse(0L);
            if (stored != next.version() - 1) {
                throw StoredDefinitions.concurrentApply(next.version() - 1, stored);
            }
            transaction.set(document, fields(next));
            return null;
        }, transactionOptions));
    }

    /** Every process reads the catalog: a worker to compute the user's tables, a coordinator to plan them. */
    @Override
    public void check(ProcessRole role)
    {
        client.check(this::read);
    }

    private static Map<String, Object> fields(AppliedCatalog catalog)
    {
        Map<String, Object> tables = new TreeMap<>();
        for (CatalogEntry entry : catalog.userTables()) {
            tables.put(entry.name(), Map.of(VERSION, entry.version(), DEFINITION, StoredDefinitions.write(entry.definition())));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(VERSION, catalog.version());
        fields.put(APPLIED_AT, Timestamp.ofTimeSecondsAndNanos(catalog.appliedAt().getEpochSecond(), catalog.appliedAt().getNano()));
        fields.put(APPLIED_BY, catalog.appliedBy());
        fields.put(SOURCE, catalog.source());
        fields.put(TABLES, tables);
        return fields;
    }

    private static Optional<AppliedCatalog> read(DocumentSnapshot snapshot)
    {
        if (!snapshot.exists()) {
            return Optional.empty();
        }
        List<CatalogEntry> entries = new ArrayList<>();
        Object tables = snapshot.get(TABLES);
        if (tables instanceof Map<?, ?> byName) {
            for (Map.Entry<?, ?> table : new TreeMap<>(byName).entrySet()) {
                Map<?, ?> fields = (Map<?, ?>) table.getValue();
                entries.add(new CatalogEntry(StoredDefinitions.read(String.valueOf(table.getKey()), String.valueOf(fields.get(DEFINITION))),
                        ((Number) fields.get(VERSION)).longValue()));
            }
        }
        Timestamp appliedAt = requireNonNull(snapshot.getTimestamp(APPLIED_AT), "appliedAt is null");
        return Optional.of(new AppliedCatalog(requireNonNull(snapshot.getLong(VERSION), "version is null"), java.time.Instant.ofEpochSecond(appliedAt.getSeconds(), appliedAt.getNanos()),
                String.valueOf(snapshot.getString(APPLIED_BY)), String.valueOf(snapshot.getString(SOURCE)), entries));
    }

    private DocumentReference document()
    {
        return client.get().collection(collection).document(DOCUMENT);
    }
}
