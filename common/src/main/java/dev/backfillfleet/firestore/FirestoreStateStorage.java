package dev.backfillfleet.firestore;

import com.google.api.core.ApiFuture;
import com.google.cloud.firestore.BulkWriter;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Precondition;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.WriteResult;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.provision.StartupCheck;
import dev.backfillfleet.state.DateTransitions.Decided;
import dev.backfillfleet.state.RunSummary;
import dev.backfillfleet.state.StateStorage;
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
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.backfillfleet.firestore.DateDocuments.DATE;
import static dev.backfillfleet.firestore.DateDocuments.FINISHED_AT;
import static dev.backfillfleet.firestore.DateDocuments.LEASE_EXPIRES_AT;
import static dev.backfillfleet.firestore.DateDocuments.RUN_ID;
import static dev.backfillfleet.firestore.DateDocuments.STARTED_AT;
import static dev.backfillfleet.firestore.DateDocuments.STATUS;
import static dev.backfillfleet.firestore.DateDocuments.TABLE;
import static dev.backfillfleet.firestore.DateDocuments.timestamp;
import static java.util.Objects.requireNonNull;

/**
 * The production state storage: one Firestore document per (table, date), id {@link DateKey#id()},
 * through the process's one {@link FirestoreClient}.
 *
 * <p>One record's change (a claim, a renewal, a completion...) reads the document, lets the
 * state machine decide and writes it back under an update-time precondition (a read and a
 * write: a transaction would add a begin call), reading and deciding again when it changed in
 * between; a batch (enqueue, cancel) reads 500 documents at once and writes them with a
 * BulkWriter under the same preconditions. Every decision is made at the server's time, the
 * read time of the snapshot it decides over ({@link FirestoreServerTime}), never at this
 * process's clock: leases are judged in one time line whatever the workers' clocks say
 * (docs/clocks-and-faults.md). Progress is counted with
 * queries and count() aggregations; there is no hot counter document.
 *
 * <p>The per-table capacity check of a claim ({@link #updateCounted}) counts RUNNING documents
 * of the table with a live lease in a count() aggregation run just before the claim's read and
 * conditional write. Inside a transaction, the aggregation would put every running document of the table into its
 * read set and make each claim contend with the heartbeats of all running dates of the table;
 * outside, the bound is soft: claims of different dates of one table that race within the
 * same few milliseconds may each see one free slot and together exceed the bound by at most the
 * number of racing claimers. An exact bound would need a per-table counter document, which the
 * design forbids (about one write per second per document). While a table runs fewer than half
 * its bound, a count read less than a second ago (plus this process's claims since) is reused,
 * which saves a query per claim; near the bound every claim counts afresh. The queries' composite
 * indexes are {@link FirestoreIndexes}.
 *
 * <p>What a run adds up to is counted from the state records that carry its id, never kept in a
 * counter. The paused tables and the run log are collections beside these records
 * ({@link FirestoreTablePauses}, {@link FirestoreRunLog}).
 */
public final class FirestoreStateStorage
        implements StateStorage, StartupCheck
{
    // a day no record has: the start-up check's queries match nothing and cost a read each
    private static final DateRange NO_DATES = DateRange.of(java.time.LocalDate.of(1900, 1, 1), java.time.LocalDate.of(1900, 1, 1));

    // a run id no record has, for the start-up check
    private static final String NO_RUN = "start-up-check";

    // getAll and BulkWriter batches; the classic batch write limit is 500 operations
    private static final int CHUNK = 500;

    private static final Duration LIVE_COUNT_REUSE = Duration.ofSeconds(1);

    private final FirestoreClient client;
    private final Map<AnalyticsTable, LiveLeaseCount> liveLeaseCounts = new java.util.concurrent.ConcurrentHashMap<>();
    private final String collectionName;
    private final int writeAttempts;
    private final DecisionTime time;
    private final boolean ownsClient;

    /** The production storage: decisions at the server's time. */
    public FirestoreStateStorage(FirestoreClient client, String collection, int writeAttempts, FirestoreServerTime serverTime)
    {
        this(client, collection, writeAttempts, (DecisionTime) serverTime, false);
    }

    private FirestoreStateStorage(FirestoreClient client, String collection, int writeAttempts, DecisionTime time, boolean ownsClient)
    {
        this.client = requireNonNull(client, "client is null");
        this.collectionName = requireNonNull(collection, "collection is null");
        this.writeAttempts = writeAttempts;
        this.time = requireNonNull(time, "time is null");
        this.ownsClient = ownsClient;
    }

    /**
     * Storage with a client of its own (closed with the storage) whose decisions are made at
     * {@code scriptedTime}, not the server's: for contract tests that move time by hand.
     */
    public static FirestoreStateStorage create(FirestoreStateStoreSettings settings, Clock scriptedTime)
    {
        return new FirestoreStateStorage(FirestoreClient.create(settings), settings.collection(), settings.transactionAttempts(),
                DecisionTime.scripted(scriptedTime), true);
    }

    /** The server's time, estimated from the last read when asked before one (see {@link FirestoreServerTime}). */
    public static FirestoreServerTime serverTime(FirestoreClient client, String collection, dev.backfillfleet.support.Ticker ticker)
    {
        // a read of a document that does not exist still carries the server's read time
        return new FirestoreServerTime(ticker, () -> FirestoreServerTime.toInstant(
                FirestoreClient.await("read of the server's time", client.get().collection(collection).document(SERVER_TIME_PROBE).get()).getReadTime()));
    }

    private static final String SERVER_TIME_PROBE = "server-time-probe";

    private Firestore firestore()
    {
        return client.get();
    }

    private CollectionReference collection()
    {
        return firestore().collection(collectionName);
    }

    @Override
    public <R> R update(String operation, DateKey key, Decision<R> decision)
    {
        return decideOne(operation, key, decision);
    }

    /**
     * Reads the chunks of {@value #CHUNK} keys, decides, and writes each with a BulkWriter under
     * preconditions; a key whose document changed in between is decided again on its own.
     */
    @Override
    public <R> Map<DateKey, R> updateEach(String operation, Collection<DateKey> keys, Decision<R> decision)
    {
        return decideEach(operation, keys, decision);
    }

    private <D> Map<DateKey, D> decideEach(String operation, Collection<DateKey> keys, Decision<D> transition)
    {
        Map<DateKey, D> decisions = new HashMap<>();
        List<DateKey> distinct = List.copyOf(new java.util.LinkedHashSet<>(keys));
        for (int start = 0; start < distinct.size(); start += CHUNK) {
            decisions.putAll(decideChunk(operation, distinct.subList(start, Math.min(distinct.size(), start + CHUNK)), transition));
        }
        return decisions;
    }

    /**
     * Reads the chunk, decides, and writes with BulkWriter under preconditions (create if absent,
     * update only if unchanged since the read). A key whose document changed in between is read
     * and decided again on its own ({@link #decideOne}).
     */
    private <D> Map<DateKey, D> decideChunk(String operation, List<DateKey> keys, Decision<D> transition)
    {
        Map<DateKey, DocumentSnapshot> current = readSnapshots(keys);
        Map<DateKey, D> decisions = new HashMap<>();
        Map<DateKey, ApiFuture<?>> writes = new LinkedHashMap<>();
        BulkWriter writer = firestore().bulkWriter();
        try {
            for (DateKey key : keys) {
                DocumentSnapshot snapshot = current.get(key);
                Instant now = time.decidedAt(snapshot);
                Decided<D> decided = transition.decide(key, record(snapshot), now);
                decisions.put(key, decided.decision());
                if (decided.next().isPresent()) {
                    Map<String, Object> fields = DateDocuments.write(decided.next().get(), now);
                    writes.put(key, snapshot.exists()
                            ? writer.update(document(key), fields, Precondition.updatedAt(snapshot.getUpdateTime()))
                            : writer.create(document(key), fields));
                }
            }
        }
        finally {
            try {
                writer.close();
            }
            catch (InterruptedException | ExecutionException e) {
                throw FirestoreFailures.translate(operation, e);
            }
        }
        for (Map.Entry<DateKey, ApiFuture<?>> write : writes.entrySet()) {
            try {
                write.getValue().get();
            }
            catch (ExecutionException e) {
                if (isWriteConflict(e)) {
                    decisions.put(write.getKey(), decideOne(operation, write.getKey(), transition));
                }
                else {
                    throw FirestoreFailures.translate(operation + " of " + write.getKey(), e);
                }
            }
            catch (InterruptedException e) {
                throw FirestoreFailures.translate(operation, e);
            }
        }
        return decisions;
    }

    /**
     * Reads the document, decides, and writes it under a precondition: created if it was absent,
     * updated only if its update time is still the one read. That is two calls where a
     * read-write transaction takes three (begin, read, commit), with the same guarantee for one
     * document: no write lands between the read and ours. A document changed in between (the
     * write fails FAILED_PRECONDITION or ALREADY_EXISTS) is read and decided again, up to the
     * configured transaction attempts; then the call fails as contended (transient). Every field
     * is written, absent ones as null, so the update leaves nothing of the record before.
     * (https://cloud.google.com/firestore/docs/reference/rest/v1/Precondition)
     */
    private <D> D decideOne(String operation, DateKey key, Decision<D> transition)
    {
        String described = operation + " of " + key;
        for (int attempt = 1; ; attempt++) {
            DocumentSnapshot snapshot = await(described, document(key).get());
            Instant now = time.decidedAt(snapshot);
            Decided<D> decided = transition.decide(key, record(snapshot), now);
            if (decided.next().isEmpty()) {
                return decided.decision();
            }
            Map<String, Object> fields = DateDocuments.write(decided.next().get(), now);
            ApiFuture<WriteResult> write = snapshot.exists()
                    ? document(key).update(fields, Precondition.updatedAt(snapshot.getUpdateTime()))
                    : document(key).create(fields);
            try {
                write.get();
                return decided.decision();
            }
            catch (ExecutionException e) {
                if (!isWriteConflict(e)) {
                    throw FirestoreFailures.translate(described, e);
                }
                if (attempt >= writeAttempts) {
                    throw new FleetException(ErrorClass.TRANSIENT, "firestore " + described + ": the document changed under each of "
                            + writeAttempts + " attempts (contention); try again", e);
                }
            }
            catch (InterruptedException e) {
                throw FirestoreFailures.translate(described, e);
            }
        }
    }

    /** The write's precondition failed: the document changed (or appeared) since it was read. */
    private static boolean isWriteConflict(ExecutionException e)
    {
        Optional<Status.Code> code = FirestoreFailures.statusCode(e);
        return code.isPresent() && (code.get() == Status.Code.FAILED_PRECONDITION || code.get() == Status.Code.ALREADY_EXISTS);
    }

    private static Optional<DateRecord> record(DocumentSnapshot snapshot)
    {
        return snapshot.exists() ? Optional.of(DateDocuments.read(snapshot)) : Optional.empty();
    }

    /**
     * The live leases are counted just before the claim's read and conditional write, not as
     * part of them (see the class comment), and reused while far below the bound; a claim this
     * process makes adds one to the reused count.
     */
    @Override
    public <R> R updateCounted(String operation, DateKey key, int maxRunningPerTable, CountedDecision<R> decision)
    {
        // the count needs "now" before the claim's read: the server's time as estimated from the last read
        long running = liveLeases(key.table(), time.now(), maxRunningPerTable);
        AtomicBoolean leased = new AtomicBoolean();
        R result = decideOne(operation, key, (ignored, current, at) -> {
            Decided<R> decided = decision.decide(current, at, running);
            // the last decision is the one written: a RUNNING record written by a claim is a new lease
            leased.set(decided.next().filter(next -> next.state() == DateState.RUNNING).isPresent());
            return decided;
        });
        if (leased.get()) {
            liveLeaseCounts.computeIfPresent(key.table(), (table, count) -> count.plusOne());
        }
        return result;
    }

    /**
     * The table's live leases. Far below the bound (under half), a count read less than a second
     * ago, plus this process's claims since, is good enough and saves a query per claim; near the
     * bound every claim counts afresh.
     */
    private long liveLeases(AnalyticsTable table, Instant now, int maxRunningPerTable)
    {
        LiveLeaseCount cached = liveLeaseCounts.get(table);
        if (cached != null && cached.readAt().plus(LIVE_COUNT_REUSE).isAfter(now) && cached.count() < maxRunningPerTable / 2) {
            return cached.count();
        }
        long counted = countLiveLeases(table, now);
        liveLeaseCounts.put(table, new LiveLeaseCount(counted, now));
        return counted;
    }

    private record LiveLeaseCount(long count, Instant readAt)
    {
        LiveLeaseCount plusOne()
        {
            return new LiveLeaseCount(count + 1, readAt);
        }
    }

    private long countLiveLeases(AnalyticsTable table, Instant now)
    {
        Query live = collection().whereEqualTo(TABLE, table.tableName())
                .whereEqualTo(STATUS, DateState.RUNNING.name())
                .whereGreaterThan(LEASE_EXPIRES_AT, timestamp(now));
        return await("count of running dates of " + table.tableName(), live.count().get()).getCount();
    }

    /**
     * Runs every query shape the role issues once, on nothing, so that a missing database,
     * permission or composite index stops the process at start-up with one line, not each date.
     * A worker needs the shapes of the hot path; a coordinator (and a verb that only reads) also
     * those of the rate and of runs' dates, whose indexes a worker does not have to wait for after
     * an upgrade.
     */
    @Override
    public void check(ProcessRole role)
    {
        AnalyticsTable any = AnalyticsTable.SYNTHETIC;
        client.check(() -> {
            countLiveLeases(any, time.now());
            list(any, Optional.of(NO_DATES), Set.of());
            list(any, Optional.of(NO_DATES), Set.of(DateState.FAILED));
            countByState(any, Optional.of(NO_DATES));
            if (role == ProcessRole.WORKER) {
                // the rest is what operators' verbs ask: a worker does not wait for those indexes
                return;
            }
            countFinishedSince(any, time.now());
            summarizeRun(NO_RUN);
            countByRun(NO_RUN, any);
            listRun(NO_RUN, any, Set.of(DateState.QUEUED, DateState.RUNNING));
        });
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
        return countEachState("dates of " + table.tableName(), tableQuery(table, range));
    }

    @Override
    public long countFinishedSince(AnalyticsTable table, Instant since)
    {
        Query finished = collection().whereEqualTo(TABLE, table.tableName())
                .whereIn(STATUS, List.of(DateState.SUCCEEDED.name(), DateState.NO_GAMES.name(), DateState.FAILED.name()))
                .whereGreaterThanOrEqualTo(FINISHED_AT, timestamp(since));
        return await("count of dates of " + table.tableName() + " finished since " + since, finished.count().get()).getCount();
    }

    /** Counts per state (one count() per state, equality filters only), the first start and the last finish (one ordered query each). */
    @Override
    public RunSummary summarizeRun(String runId)
    {
        Map<DateState, Long> counts = countEachState("dates of run " + runId, collection().whereEqualTo(RUN_ID, runId));
        Query firstStarted = collection().whereEqualTo(RUN_ID, runId).whereGreaterThan(STARTED_AT, timestamp(Instant.EPOCH))
                .orderBy(STARTED_AT).limit(1);
        Query lastFinished = collection().whereEqualTo(RUN_ID, runId).orderBy(FINISHED_AT, Query.Direction.DESCENDING).limit(1);
        return new RunSummary(counts,
                await("first start of run " + runId, firstStarted.get()).getDocuments().stream().findFirst().flatMap(snapshot -> DateDocuments.read(snapshot).startedAt()),
                await("last finish of run " + runId, lastFinished.get()).getDocuments().stream().findFirst().flatMap(snapshot -> DateDocuments.read(snapshot).finishedAt()));
    }

    @Override
    public Map<DateState, Long> countByRun(String runId, AnalyticsTable table)
    {
        return countEachState("dates of " + table.tableName() + " of run " + runId, collection().whereEqualTo(RUN_ID, runId).whereEqualTo(TABLE, table.tableName()));
    }

    @Override
    public List<DateRecord> listRun(String runId, AnalyticsTable table, Set<DateState> states)
    {
        Query query = collection().whereEqualTo(RUN_ID, runId).whereEqualTo(TABLE, table.tableName());
        if (!states.isEmpty()) {
            query = query.whereIn(STATUS, states.stream().map(Enum::name).map(Object.class::cast).toList());
        }
        // equality filters only, ordered here: no composite index needed
        return await("list of " + table.tableName() + " of run " + runId, query.get()).getDocuments().stream()
                .map(DateDocuments::read)
                .sorted(java.util.Comparator.comparing(record -> record.key().date()))
                .toList();
    }

    private Map<DateState, Long> countEachState(String what, Query query)
    {
        Map<DateState, ApiFuture<com.google.cloud.firestore.AggregateQuerySnapshot>> futures = new EnumMap<>(DateState.class);
        for (DateState state : DateState.values()) {
            futures.put(state, query.whereEqualTo(STATUS, state.name()).count().get());
        }
        Map<DateState, Long> counts = new EnumMap<>(DateState.class);
        futures.forEach((state, future) -> {
            long count = await("count of " + state + " " + what, future).getCount();
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

    private static <T> T await(String operation, ApiFuture<T> future)
    {
        return FirestoreClient.await(operation, future);
    }

    @Override
    public void close()
    {
        if (ownsClient) {
            client.close();
        }
    }
}
