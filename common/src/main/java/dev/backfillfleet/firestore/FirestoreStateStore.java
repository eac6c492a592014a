package dev.backfillfleet.firestore;

import com.google.api.core.ApiFuture;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.BulkWriter;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.firestore.Precondition;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.Transaction;
import com.google.cloud.firestore.TransactionOptions;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.EnqueuePolicy.EnqueueDecision;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.provision.StartupCheck;
import dev.backfillfleet.state.ClaimResult;
import dev.backfillfleet.state.Completion;
import dev.backfillfleet.state.EnqueueResult;
import dev.backfillfleet.state.LeaseLostException;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.support.Lazy;
import io.grpc.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import static dev.backfillfleet.firestore.DateDocuments.ATTEMPTS;
import static dev.backfillfleet.firestore.DateDocuments.DATE;
import static dev.backfillfleet.firestore.DateDocuments.DURATION_MS;
import static dev.backfillfleet.firestore.DateDocuments.ERROR_CLASS;
import static dev.backfillfleet.firestore.DateDocuments.ERROR_MESSAGE;
import static dev.backfillfleet.firestore.DateDocuments.FINISHED_AT;
import static dev.backfillfleet.firestore.DateDocuments.LEASE_EXPIRES_AT;
import static dev.backfillfleet.firestore.DateDocuments.LEASE_OWNER;
import static dev.backfillfleet.firestore.DateDocuments.QUEUED_AT;
import static dev.backfillfleet.firestore.DateDocuments.ROWS_EXPECTED;
import static dev.backfillfleet.firestore.DateDocuments.ROWS_WRITTEN;
import static dev.backfillfleet.firestore.DateDocuments.RUN_ID;
import static dev.backfillfleet.firestore.DateDocuments.STARTED_AT;
import static dev.backfillfleet.firestore.DateDocuments.STATUS;
import static dev.backfillfleet.firestore.DateDocuments.TABLE;
import static dev.backfillfleet.firestore.DateDocuments.UPDATED_AT;
import static dev.backfillfleet.firestore.DateDocuments.timestamp;
import static java.util.Objects.requireNonNull;

/**
 * The production state store: one Firestore document per (table, date), id {@link DateKey#id()}.
 *
 * <p>Claim, heartbeat, complete, fail, release and failUndeliverable are transactions that
 * re-read the document; lease-holder changes are fenced by owner and attempt. Lease times come
 * from the injected {@link Clock}, never from server timestamps. Progress is counted with
 * queries and count() aggregations; there is no hot counter document.
 *
 * <p>The per-table capacity check in {@link #claim} counts RUNNING documents of the table with
 * a live lease in a count() aggregation run just before the claim transaction, not inside it.
 * Inside, the aggregation would put every running document of the table into the transaction's
 * read set and make each claim contend with the heartbeats of all running dates of the table;
 * outside, the bound is soft: claims of different dates of one table that race within the
 * same few milliseconds may each see one free slot and together exceed the bound by at most the
 * number of racing claimers. An exact bound would need a per-table counter document, which the
 * design forbids (about one write per second per document). Queries need composite indexes
 * (table, status, date) and (table, status, leaseExpiresAt) in production.
 */
public final class FirestoreStateStore
        implements StateStore, StartupCheck, AutoCloseable
{
    // a day no record has: the start-up check's queries match nothing and cost a read each
    private static final DateRange NO_DATES = DateRange.of(java.time.LocalDate.of(1900, 1, 1), java.time.LocalDate.of(1900, 1, 1));

    // getAll and BulkWriter batches; the classic batch write limit is 500 operations
    private static final int CHUNK = 500;

    private final Lazy<Firestore> client;
    private final String collectionName;
    private final TransactionOptions transactionOptions;
    private final Clock clock;
    private final boolean ownsClient;

    public FirestoreStateStore(Firestore firestore, String collection, int transactionAttempts, Clock clock)
    {
        this(Lazy.of(() -> firestore), collection, transactionAttempts, clock, false);
        requireNonNull(firestore, "firestore is null");
    }

    private FirestoreStateStore(Lazy<Firestore> client, String collection, int transactionAttempts, Clock clock, boolean ownsClient)
    {
        this.client = requireNonNull(client, "client is null");
        this.collectionName = requireNonNull(collection, "collection is null");
        this.transactionOptions = TransactionOptions.createReadWriteOptionsBuilder().setNumberOfAttempts(transactionAttempts).build();
        this.clock = requireNonNull(clock, "clock is null");
        this.ownsClient = ownsClient;
    }

    /**
     * A store that builds its client (emulator when the settings name one) on first use, so that
     * wiring a process looks up no credentials and opens no channel, and closes it.
     */
    public static FirestoreStateStore create(FirestoreStateStoreSettings settings, Clock clock)
    {
        return new FirestoreStateStore(Lazy.of(() -> createClient(settings)), settings.collection(), settings.transactionAttempts(), clock, true);
    }

    private Firestore firestore()
    {
        try {
            return client.get();
        }
        catch (RuntimeException e) {
            throw FirestoreFailures.translate("client set-up", e);
        }
    }

    private CollectionReference collection()
    {
        return firestore().collection(collectionName);
    }

    public static Firestore createClient(FirestoreStateStoreSettings settings)
    {
        FirestoreOptions.Builder builder = FirestoreOptions.newBuilder()
                .setProjectId(settings.projectId())
                .setDatabaseId(settings.databaseId());
        // setEmulatorHost also switches to emulator credentials and a plaintext channel
        settings.emulatorHost().ifPresent(builder::setEmulatorHost);
        return builder.build().getService();
    }

    @Override
    public EnqueueResult enqueue(Collection<DateKey> keys, String runId, EnqueuePolicy policy)
    {
        Map<DateKey, EnqueueDecision> decisions = new HashMap<>();
        List<DateKey> distinct = List.copyOf(new java.util.LinkedHashSet<>(keys));
        for (int start = 0; start < distinct.size(); start += CHUNK) {
            decisions.putAll(enqueueChunk(distinct.subList(start, Math.min(distinct.size(), start + CHUNK)), runId, policy));
        }
        return new EnqueueResult(decisions);
    }

    /**
     * Reads the chunk, decides, and writes with BulkWriter under preconditions (create if absent,
     * update only if unchanged since the read). A key whose document changed in between is
     * decided again in its own transaction.
     */
    private Map<DateKey, EnqueueDecision> enqueueChunk(List<DateKey> keys, String runId, EnqueuePolicy policy)
    {
        Map<DateKey, DocumentSnapshot> current = readSnapshots(keys);
        Timestamp now = timestamp(clock.instant());
        Map<DateKey, EnqueueDecision> decisions = new HashMap<>();
        Map<DateKey, ApiFuture<?>> writes = new LinkedHashMap<>();
        BulkWriter writer = firestore().bulkWriter();
        try {
            for (DateKey key : keys) {
                DocumentSnapshot snapshot = current.get(key);
                Optional<DateRecord> record = snapshot.exists() ? Optional.of(DateDocuments.read(snapshot)) : Optional.empty();
                EnqueueDecision decision = policy.decide(record);
                decisions.put(key, decision);
                if (decision == EnqueueDecision.QUEUE) {
                    writes.put(key, snapshot.exists()
                            ? writer.update(document(key), queuedFields(runId, now), Precondition.updatedAt(snapshot.getUpdateTime()))
                            : writer.create(document(key), newDocument(key, runId, DateState.QUEUED, now, queuedFields(runId, now))));
                }
            }
        }
        finally {
            try {
                writer.close();
            }
            catch (InterruptedException | ExecutionException e) {
                throw FirestoreFailures.translate("enqueue", e);
            }
        }
        for (Map.Entry<DateKey, ApiFuture<?>> write : writes.entrySet()) {
            try {
                write.getValue().get();
            }
            catch (ExecutionException e) {
                Optional<Status.Code> code = FirestoreFailures.statusCode(e);
                if (code.isPresent() && (code.get() == Status.Code.FAILED_PRECONDITION || code.get() == Status.Code.ALREADY_EXISTS)) {
                    decisions.put(write.getKey(), enqueueOne(write.getKey(), runId, policy));
                }
                else {
                    throw FirestoreFailures.translate("enqueue of " + write.getKey(), e);
                }
            }
            catch (InterruptedException e) {
                throw FirestoreFailures.translate("enqueue", e);
            }
        }
        return decisions;
    }

    private EnqueueDecision enqueueOne(DateKey key, String runId, EnqueuePolicy policy)
    {
        return transaction("enqueue of " + key, transaction -> {
            DocumentSnapshot snapshot = transaction.get(document(key)).get();
            Optional<DateRecord> record = snapshot.exists() ? Optional.of(DateDocuments.read(snapshot)) : Optional.empty();
            EnqueueDecision decision = policy.decide(record);
            if (decision == EnqueueDecision.QUEUE) {
                Timestamp now = timestamp(clock.instant());
                if (snapshot.exists()) {
                    transaction.update(document(key), queuedFields(runId, now));
                }
                else {
                    transaction.create(document(key), newDocument(key, runId, DateState.QUEUED, now, queuedFields(runId, now)));
                }
            }
            return decision;
        });
    }

    private static Map<String, Object> queuedFields(String runId, Timestamp now)
    {
        Map<String, Object> fields = new HashMap<>();
        fields.put(STATUS, DateState.QUEUED.name());
        fields.put(RUN_ID, runId);
        fields.put(QUEUED_AT, now);
        fields.put(LEASE_OWNER, null);
        fields.put(LEASE_EXPIRES_AT, null);
        fields.put(STARTED_AT, null);
        fields.put(FINISHED_AT, null);
        fields.put(ROWS_WRITTEN, null);
        fields.put(ROWS_EXPECTED, null);
        fields.put(DURATION_MS, null);
        fields.put(ERROR_CLASS, null);
        fields.put(ERROR_MESSAGE, null);
        fields.put(UPDATED_AT, now);
        return fields;
    }

    /** A complete document: every field present, {@code fields} on top of nulls. */
    private static Map<String, Object> newDocument(DateKey key, String runId, DateState state, Timestamp now, Map<String, Object> fields)
    {
        Map<String, Object> document = new HashMap<>();
        document.put(TABLE, key.table().tableName());
        document.put(DATE, key.date().toString());
        document.put(STATUS, state.name());
        document.put(ATTEMPTS, 0L);
        document.put(RUN_ID, runId);
        for (String field : List.of(LEASE_OWNER, LEASE_EXPIRES_AT, QUEUED_AT, STARTED_AT, FINISHED_AT, ROWS_WRITTEN, ROWS_EXPECTED,
                DURATION_MS, ERROR_CLASS, ERROR_MESSAGE)) {
            document.put(field, null);
        }
        document.put(UPDATED_AT, now);
        document.putAll(fields);
        return document;
    }

    @Override
    public ClaimResult claim(WorkItem item, String owner, Duration leaseLength, int maxRunningPerTable)
    {
        DateKey key = item.key();
        Instant now = clock.instant();
        long running = countLiveLeases(key.table(), now);
        return transaction("claim of " + key, transaction -> {
            DocumentSnapshot snapshot = transaction.get(document(key)).get();
            Optional<DateRecord> current = snapshot.exists() ? Optional.of(DateDocuments.read(snapshot)) : Optional.empty();
            if (current.isPresent()) {
                DateRecord record = current.get();
                if (record.state().isTerminal()) {
                    return new ClaimResult.AlreadyTerminal(record.state());
                }
                if (record.isLeasedAt(now)) {
                    return new ClaimResult.HeldByOther(record.leaseOwner().orElseThrow(), record.leaseExpiresAt().orElseThrow());
                }
            }
            if (running >= maxRunningPerTable) {
                return new ClaimResult.TableAtCapacity(Math.toIntExact(running));
            }
            int attempt = current.map(DateRecord::attempts).orElse(0) + 1;
            Instant expiresAt = now.plus(leaseLength);
            Map<String, Object> fields = new HashMap<>();
            fields.put(STATUS, DateState.RUNNING.name());
            fields.put(ATTEMPTS, (long) attempt);
            fields.put(LEASE_OWNER, owner);
            fields.put(LEASE_EXPIRES_AT, timestamp(expiresAt));
            fields.put(STARTED_AT, timestamp(now));
            fields.put(FINISHED_AT, null);
            fields.put(UPDATED_AT, timestamp(now));
            if (snapshot.exists()) {
                transaction.update(document(key), fields);
            }
            else {
                transaction.create(document(key), newDocument(key, item.runId(), DateState.RUNNING, timestamp(now), fields));
            }
            return new ClaimResult.Claimed(new Lease(key, owner, attempt, now, expiresAt));
        });
    }

    private long countLiveLeases(AnalyticsTable table, Instant now)
    {
        Query live = collection().whereEqualTo(TABLE, table.tableName())
                .whereEqualTo(STATUS, DateState.RUNNING.name())
                .whereGreaterThan(LEASE_EXPIRES_AT, timestamp(now));
        return await("count of running dates of " + table.tableName(), live.count().get()).getCount();
    }

    /**
     * Runs every query shape the store issues once, on nothing, so that a missing database,
     * permission or composite index stops the process at start-up with one line, not each date.
     */
    @Override
    public void check(ProcessRole role)
    {
        AnalyticsTable any = AnalyticsTable.SYNTHETIC;
        countLiveLeases(any, clock.instant());
        list(any, Optional.of(NO_DATES), Set.of());
        list(any, Optional.of(NO_DATES), Set.of(DateState.FAILED));
        countByState(any, Optional.of(NO_DATES));
    }

    @Override
    public Lease heartbeat(Lease lease, Duration leaseLength)
    {
        Instant expiresAt = clock.instant().plus(leaseLength);
        Map<String, Object> fields = new HashMap<>();
        fields.put(LEASE_EXPIRES_AT, timestamp(expiresAt));
        updateHeld("heartbeat", lease, record -> fields);
        return lease.withExpiry(expiresAt);
    }

    @Override
    public void complete(Lease lease, Completion completion)
    {
        updateHeld("complete", lease, record -> {
            Map<String, Object> fields = new HashMap<>();
            fields.put(STATUS, completion.outcome().name());
            fields.put(LEASE_OWNER, null);
            fields.put(LEASE_EXPIRES_AT, null);
            fields.put(FINISHED_AT, timestamp(clock.instant()));
            fields.put(ROWS_WRITTEN, completion.rowsWritten());
            fields.put(ROWS_EXPECTED, completion.rowsExpected());
            fields.put(DURATION_MS, completion.duration().toMillis());
            fields.put(ERROR_CLASS, null);
            fields.put(ERROR_MESSAGE, null);
            return fields;
        });
    }

    @Override
    public void fail(Lease lease, ErrorClass errorClass, String message)
    {
        updateHeld("fail", lease, record -> {
            Instant now = clock.instant();
            Map<String, Object> fields = new HashMap<>();
            fields.put(STATUS, DateState.FAILED.name());
            fields.put(LEASE_OWNER, null);
            fields.put(LEASE_EXPIRES_AT, null);
            fields.put(FINISHED_AT, timestamp(now));
            fields.put(DURATION_MS, record.startedAt().map(started -> Duration.between(started, now).toMillis()).orElse(null));
            fields.put(ERROR_CLASS, errorClass.name());
            fields.put(ERROR_MESSAGE, message);
            return fields;
        });
    }

    @Override
    public void release(Lease lease, Optional<ErrorClass> errorClass, Optional<String> message)
    {
        updateHeld("release", lease, record -> {
            Map<String, Object> fields = new HashMap<>();
            fields.put(STATUS, DateState.QUEUED.name());
            fields.put(LEASE_OWNER, null);
            fields.put(LEASE_EXPIRES_AT, null);
            fields.put(ERROR_CLASS, errorClass.map(Enum::name).orElse(null));
            fields.put(ERROR_MESSAGE, message.orElse(null));
            return fields;
        });
    }

    @Override
    public boolean failUndeliverable(DateKey key, String runId, String message)
    {
        return transaction("failUndeliverable of " + key, transaction -> {
            DocumentSnapshot snapshot = transaction.get(document(key)).get();
            Timestamp now = timestamp(clock.instant());
            Map<String, Object> fields = new HashMap<>();
            fields.put(STATUS, DateState.FAILED.name());
            fields.put(LEASE_OWNER, null);
            fields.put(LEASE_EXPIRES_AT, null);
            fields.put(FINISHED_AT, now);
            fields.put(ERROR_CLASS, ErrorClass.TRANSIENT.name());
            fields.put(ERROR_MESSAGE, message);
            fields.put(UPDATED_AT, now);
            if (!snapshot.exists()) {
                transaction.create(document(key), newDocument(key, runId, DateState.FAILED, now, fields));
                return true;
            }
            if (DateDocuments.read(snapshot).state().isTerminal()) {
                return false;
            }
            transaction.update(document(key), fields);
            return true;
        });
    }

    /** Updates the document only if {@code lease} still holds it: RUNNING, same owner, same attempt. */
    private void updateHeld(String operation, Lease lease, java.util.function.Function<DateRecord, Map<String, Object>> change)
    {
        Optional<String> lost = transaction(operation + " of " + lease.key(), transaction -> {
            DocumentSnapshot snapshot = transaction.get(document(lease.key())).get();
            if (!snapshot.exists()) {
                return Optional.of("no record");
            }
            DateRecord current = DateDocuments.read(snapshot);
            if (current.state() != DateState.RUNNING || current.attempts() != lease.attempt() || !current.leaseOwner().equals(Optional.of(lease.owner()))) {
                return Optional.of("record is " + current.state() + " at attempt " + current.attempts() + current.leaseOwner().map(owner -> " held by " + owner).orElse(""));
            }
            Map<String, Object> fields = new HashMap<>(change.apply(current));
            fields.put(UPDATED_AT, timestamp(clock.instant()));
            transaction.update(document(lease.key()), fields);
            return Optional.<String>empty();
        });
        if (lost.isPresent()) {
            throw new LeaseLostException(lease, lost.get());
        }
    }

    @Override
    public Optional<DateRecord> get(DateKey key)
    {
        DocumentSnapshot snapshot = await("get of " + key, document(key).get());
        return snapshot.exists() ? Optional.of(DateDocuments.read(snapshot)) : Optional.empty();
    }

    @Override
    public Map<DateKey, DateRecord> getAll(Collection<DateKey> keys)
    {
        Map<DateKey, DateRecord> records = new LinkedHashMap<>();
        List<DateKey> distinct = List.copyOf(new java.util.LinkedHashSet<>(keys));
        for (int start = 0; start < distinct.size(); start += CHUNK) {
            readSnapshots(distinct.subList(start, Math.min(distinct.size(), start + CHUNK))).forEach((key, snapshot) -> {
                if (snapshot.exists()) {
                    records.put(key, DateDocuments.read(snapshot));
                }
            });
        }
        return records;
    }

    private Map<DateKey, DocumentSnapshot> readSnapshots(List<DateKey> keys)
    {
        if (keys.isEmpty()) {
            return Map.of();
        }
        DocumentReference[] references = keys.stream().map(this::document).toArray(DocumentReference[]::new);
        List<DocumentSnapshot> snapshots = await("getAll", firestore().getAll(references));
        Map<String, DocumentSnapshot> byId = new HashMap<>();
        for (DocumentSnapshot snapshot : snapshots) {
            byId.put(snapshot.getId(), snapshot);
        }
        Map<DateKey, DocumentSnapshot> result = new LinkedHashMap<>();
        for (DateKey key : keys) {
            result.put(key, requireNonNull(byId.get(key.id()), "getAll returned no snapshot for " + key.id()));
        }
        return result;
    }

    @Override
    public List<DateRecord> list(AnalyticsTable table, Optional<DateRange> range, Set<DateState> states)
    {
        Query query = tableQuery(table, range);
        if (!states.isEmpty()) {
            query = query.whereIn(STATUS, states.stream().map(Enum::name).map(Object.class::cast).toList());
        }
        List<DateRecord> records = new ArrayList<>();
        for (QueryDocumentSnapshot snapshot : await("list of " + table.tableName(), query.orderBy(DATE).get()).getDocuments()) {
            records.add(DateDocuments.read(snapshot));
        }
        return records;
    }

    @Override
    public Map<DateState, Long> countByState(AnalyticsTable table, Optional<DateRange> range)
    {
        Map<DateState, ApiFuture<com.google.cloud.firestore.AggregateQuerySnapshot>> futures = new EnumMap<>(DateState.class);
        for (DateState state : DateState.values()) {
            futures.put(state, tableQuery(table, range).whereEqualTo(STATUS, state.name()).count().get());
        }
        Map<DateState, Long> counts = new EnumMap<>(DateState.class);
        futures.forEach((state, future) -> {
            long count = await("count of " + state + " dates of " + table.tableName(), future).getCount();
            if (count > 0) {
                counts.put(state, count);
            }
        });
        return counts;
    }

    private Query tableQuery(AnalyticsTable table, Optional<DateRange> range)
    {
        Query query = collection().whereEqualTo(TABLE, table.tableName());
        if (range.isPresent()) {
            query = query.whereGreaterThanOrEqualTo(DATE, range.get().first().toString())
                    .whereLessThanOrEqualTo(DATE, range.get().last().toString());
        }
        return query;
    }

    private DocumentReference document(DateKey key)
    {
        return collection().document(key.id());
    }

    private <T> T transaction(String operation, Transaction.Function<T> function)
    {
        return await(operation, firestore().runTransaction(function, transactionOptions));
    }

    private static <T> T await(String operation, ApiFuture<T> future)
    {
        try {
            return future.get();
        }
        catch (ExecutionException | InterruptedException | RuntimeException e) {
            throw FirestoreFailures.translate(operation, e);
        }
    }

    @Override
    public void close()
    {
        if (ownsClient && client.ifMade().isPresent()) {
            try {
                client.get().close();
            }
            catch (Exception e) {
                throw FirestoreFailures.translate("close", e);
            }
        }
    }
}
