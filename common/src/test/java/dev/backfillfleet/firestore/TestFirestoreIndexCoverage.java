package dev.backfillfleet.firestore;

import dev.backfillfleet.state.TransitioningStateStore;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.firestore.v1.RunAggregationQueryRequest;
import com.google.firestore.v1.RunQueryRequest;
import com.google.firestore.v1.StructuredQuery;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.BackfillRun;
import dev.backfillfleet.domain.CancelRequest;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.TablePause;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.state.ClaimResult;
import dev.backfillfleet.state.Completion;
import dev.backfillfleet.testing.TestingClock;
import dev.backfillfleet.testing.emulators.EmulatorAvailability;
import dev.backfillfleet.testing.emulators.FirestoreEmulator;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.MethodDescriptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every query the Firestore state adapters issue (state records, paused tables, runs) is covered by a declared composite index. The
 * emulator needs no index, so this test records the store's real queries on the wire (a gRPC
 * interceptor on the client's channel) while it runs every operation, and checks each against
 * {@link FirestoreIndexes} with Firestore's rule: the equality fields first (in any order),
 * then the inequality field and the orders. A query added without its index fails here.
 */
class TestFirestoreIndexCoverage
{
    private static final String PROJECT = "backfill-fleet-indexes";
    private static final String COLLECTION = "index_coverage";
    private static FirestoreEmulator emulator;

    @BeforeAll
    static void startEmulator()
    {
        EmulatorAvailability<FirestoreEmulator> availability = FirestoreEmulator.shared();
        if (availability.emulator().isEmpty()) {
            System.out.println("contract: TestFirestoreIndexCoverage SKIPPED: " + availability.unavailableReason());
        }
        assumeTrue(availability.emulator().isPresent(), availability.unavailableReason());
        emulator = availability.emulator().get();
        System.out.println("contract: TestFirestoreIndexCoverage ran against firestore-emulator " + emulator.hostAndPort());
    }

    @Test
    void everyQueryTheStoreIssuesHasItsIndex()
            throws Exception
    {
        List<QueryShape> shapes = recordQueriesOfEveryOperation();
        assertThat(shapes).as("the store issued queries").isNotEmpty();
        for (QueryShape shape : shapes) {
            assertThat(shape.coveredBy(FirestoreIndexes.required()))
                    .as("query %s needs a composite index that FirestoreIndexes does not declare", shape)
                    .isTrue();
        }
    }

    @Test
    void everyDeclaredIndexIsNeededByAQuery()
            throws Exception
    {
        List<QueryShape> shapes = recordQueriesOfEveryOperation();
        for (FirestoreIndex index : FirestoreIndexes.required()) {
            List<FirestoreIndex> without = new ArrayList<>(FirestoreIndexes.required());
            without.remove(index);
            assertThat(shapes).as("without (%s) some query is not covered: the index is needed", index)
                    .anyMatch(shape -> !shape.coveredBy(without));
        }
    }

    @Test
    void noQueryUsesAFieldExemptFromIndexing()
            throws Exception
    {
        List<QueryShape> shapes = recordQueriesOfEveryOperation();
        Set<String> exempt = new java.util.TreeSet<>();
        FirestoreIndexes.exemptions(COLLECTION).stream().filter(exemption -> exemption.collectionGroup().equals(COLLECTION))
                .forEach(exemption -> exempt.add(exemption.fieldPath()));
        assertThat(exempt).as("the state records have exempt fields").contains(DateDocuments.UPDATED_AT, DateDocuments.QUEUED_AT);
        for (QueryShape shape : shapes) {
            Set<String> used = new java.util.TreeSet<>(shape.equalities());
            shape.rest().forEach(field -> used.add(field.path()));
            assertThat(used).as("query %s filters or orders on a field FirestoreIndexes exempts from indexing", shape).doesNotContainAnyElementsOf(exempt);
        }
    }

    /** Runs every operation of the state adapters, with and without ranges and states, and returns the shapes of the queries sent. */
    private static List<QueryShape> recordQueriesOfEveryOperation()
            throws Exception
    {
        emulator.reset(PROJECT);
        List<StructuredQuery> queries = new CopyOnWriteArrayList<>();
        TestingClock clock = new TestingClock(Instant.parse("2024-11-01T12:00:00Z"));
        try (Firestore firestore = recordingClient(queries)) {
            FirestoreClient client = FirestoreClient.of(firestore);
            FirestoreStateStorage storage = new FirestoreStateStorage(client, COLLECTION, 25, FirestoreStateStorage.serverTime(client, COLLECTION, dev.backfillfleet.support.Ticker.system()));
            TransitioningStateStore store = new TransitioningStateStore(storage);
            FirestoreTablePauses pauses = new FirestoreTablePauses(client, COLLECTION, 25);
            FirestoreRunLog runLog = new FirestoreRunLog(client, COLLECTION);
            DateKey key = new DateKey(AnalyticsTable.TEAM_OFFENSE, LocalDate.parse("2024-11-01"));
            DateRange range = DateRange.of(key.date(), key.date().plusDays(6));
            store.enqueue(List.of(key, new DateKey(AnalyticsTable.TEAM_OFFENSE, key.date().plusDays(1))), "run-1", EnqueuePolicy.NORMAL);
            ClaimResult.Claimed claimed = (ClaimResult.Claimed) store.claim(new WorkItem(key.table(), key.date(), "run-1"), "worker-1", Duration.ofSeconds(30), 10);
            store.heartbeat(claimed.lease(), Duration.ofSeconds(30));
            store.complete(claimed.lease(), new Completion(DateState.SUCCEEDED, 1, 1, Duration.ofSeconds(1)));
            ClaimResult.Claimed second = (ClaimResult.Claimed) store.claim(new WorkItem(key.table(), key.date().plusDays(1), "run-1"), "worker-1",
                    Duration.ofSeconds(30), 10);
            store.fail(second.lease(), ErrorClass.PERMANENT, "broken");
            store.settleDeadLetter(new DateKey(AnalyticsTable.TEAM_DEFENSE, key.date()));
            ClaimResult.Claimed third = (ClaimResult.Claimed) store.claim(new WorkItem(key.table(), key.date().plusDays(3), "run-1"), "worker-1",
                    Duration.ofSeconds(30), 10);
            store.release(third.lease(), Optional.of(ErrorClass.TRANSIENT), Optional.of("rate limited"));
            store.get(key);
            store.getAll(List.of(key));
            for (Optional<DateRange> within : List.of(Optional.<DateRange>empty(), Optional.of(range))) {
                store.list(key.table(), within, Set.of());
                store.list(key.table(), within, Set.of(DateState.FAILED));
                store.list(key.table(), within, Set.of(DateState.FAILED, DateState.QUEUED));
                store.countByState(key.table(), within);
            }
            store.cancel(List.of(key, new DateKey(key.table(), key.date().plusDays(2))), CancelRequest.WHEN_ATTEMPT_ENDS);
            store.countFinishedSince(key.table(), clock.instant().minusSeconds(60));
            pauses.pause(new TablePause(key.table(), clock.instant(), "operator"));
            pauses.pausedTables();
            pauses.resume(key.table());
            runLog.recordRun(new BackfillRun("run-1", clock.instant(), "operator", "enqueue", List.of(key.table()), range.toString(), 7));
            runLog.runs(10);
            runLog.run("run-1");
            store.summarizeRun("run-1");
            store.countByRun("run-1", key.table());
            store.listRun("run-1", key.table(), Set.of());
            store.listRun("run-1", key.table(), Set.of(DateState.QUEUED, DateState.RUNNING));
            for (ProcessRole role : ProcessRole.values()) {
                storage.check(role);
                pauses.check(role);
                runLog.check(role);
            }
        }
        return List.copyOf(new LinkedHashSet<>(queries.stream().map(QueryShape::of).toList()));
    }

    private static Firestore recordingClient(List<StructuredQuery> queries)
    {
        ClientInterceptor recorder = new ClientInterceptor()
        {
            @Override
            public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next)
            {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options))
                {
                    @Override
                    public void sendMessage(Q message)
                    {
                        if (message instanceof RunQueryRequest run) {
                            queries.add(run.getStructuredQuery());
                        }
                        if (message instanceof RunAggregationQueryRequest run) {
                            queries.add(run.getStructuredAggregationQuery().getStructuredQuery());
                        }
                        super.sendMessage(message);
                    }
                };
            }
        };
        InstantiatingGrpcChannelProvider channel = InstantiatingGrpcChannelProvider.newBuilder()
                .setEndpoint(emulator.hostAndPort())
                .setChannelConfigurator(builder -> builder.usePlaintext())
                .setInterceptorProvider(() -> List.of(recorder))
                .build();
        return FirestoreOptions.newBuilder()
                .setProjectId(PROJECT)
                .setChannelProvider(channel)
                .setCredentialsProvider(FixedCredentialsProvider.create(new FirestoreOptions.EmulatorCredentials()))
                .build()
                .getService();
    }

    /**
     * What decides a query's index: its equality fields (== and in), its inequality fields and
     * its orders, each with its direction (an inequality without an order is ascending). Equality
     * alone is served by merging single-field indexes, and so is one field on its own in either
     * direction; anything else needs a composite index that starts with the equality fields and
     * goes on with the rest in order, in the same directions.
     */
    record QueryShape(Set<String> equalities, List<FirestoreIndex.Field> rest)
    {
        static QueryShape of(StructuredQuery query)
        {
            Set<String> equalities = new java.util.TreeSet<>();
            List<FirestoreIndex.Field> rest = new ArrayList<>();
            collect(query.getWhere(), equalities, rest);
            for (StructuredQuery.Order order : query.getOrderByList()) {
                String field = order.getField().getFieldPath();
                if (field.equals("__name__")) {
                    continue;
                }
                FirestoreIndex.Order direction = order.getDirection() == StructuredQuery.Direction.DESCENDING
                        ? FirestoreIndex.Order.DESCENDING : FirestoreIndex.Order.ASCENDING;
                rest.removeIf(existing -> existing.path().equals(field));
                rest.add(new FirestoreIndex.Field(field, direction));
            }
            return new QueryShape(equalities, rest);
        }

        private static void collect(StructuredQuery.Filter filter, Set<String> equalities, List<FirestoreIndex.Field> rest)
        {
            if (filter.hasCompositeFilter()) {
                filter.getCompositeFilter().getFiltersList().forEach(inner -> collect(inner, equalities, rest));
            }
            if (filter.hasFieldFilter()) {
                StructuredQuery.FieldFilter field = filter.getFieldFilter();
                String path = field.getField().getFieldPath();
                switch (field.getOp()) {
                    case EQUAL, IN -> equalities.add(path);
                    default -> {
                        if (rest.stream().noneMatch(existing -> existing.path().equals(path))) {
                            rest.add(new FirestoreIndex.Field(path, FirestoreIndex.Order.ASCENDING));
                        }
                    }
                }
            }
        }

        boolean coveredBy(List<FirestoreIndex> indexes)
        {
            if (rest.isEmpty() || (equalities.isEmpty() && rest.size() == 1)) {
                return true; // single-field indexes serve it
            }
            return indexes.stream().map(FirestoreIndex::fields).anyMatch(fields -> fields.size() == equalities.size() + rest.size()
                    && Set.copyOf(fields.subList(0, equalities.size()).stream().map(FirestoreIndex.Field::path).toList()).equals(equalities)
                    && fields.subList(equalities.size(), fields.size()).equals(rest));
        }
    }
}
