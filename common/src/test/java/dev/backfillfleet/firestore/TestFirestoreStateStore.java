package dev.backfillfleet.firestore;

import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.CancelRequest;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.state.AbstractStateStoreTest;
import dev.backfillfleet.state.ClaimResult;
import dev.backfillfleet.state.DateCancelledException;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.testing.TestingClock;
import dev.backfillfleet.testing.emulators.EmulatorAvailability;
import dev.backfillfleet.testing.emulators.FirestoreEmulator;
import dev.backfillfleet.testing.emulators.LocalOnly;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The state store contract against the official Firestore emulator, started by the test. */
class TestFirestoreStateStore
        extends AbstractStateStoreTest
{
    static final String PROJECT = "backfill-fleet-test";

    private static FirestoreEmulator emulator;
    private TransitioningStateStore firestoreStore;

    @BeforeAll
    static void startEmulator()
    {
        EmulatorAvailability<FirestoreEmulator> availability = FirestoreEmulator.shared();
        if (availability.emulator().isEmpty()) {
            System.out.println("contract: TestFirestoreStateStore SKIPPED: " + availability.unavailableReason());
        }
        assumeTrue(availability.emulator().isPresent(), availability.unavailableReason());
        emulator = availability.emulator().get();
        System.out.println("contract: TestFirestoreStateStore ran against firestore-emulator " + emulator.hostAndPort());
    }

    @Override
    protected StateStore createStore(TestingClock clock)
    {
        emulator.reset(PROJECT);
        FirestoreStateStoreSettings settings = FirestoreStateStoreSettings.of(PROJECT).withEmulatorHost(emulator.hostAndPort());
        LocalOnly.requireLocal(settings.emulatorHost(), "firestore settings");
        firestoreStore = new TransitioningStateStore(FirestoreStateStorage.create(settings, clock));
        return firestoreStore;
    }

    @Override
    protected void closeStore()
    {
        if (firestoreStore != null) {
            firestoreStore.close();
        }
    }

    @Test
    void documentsAreReadableWithEveryField()
            throws Exception
    {
        FirestoreStateStoreSettings settings = FirestoreStateStoreSettings.of(PROJECT).withEmulatorHost(emulator.hostAndPort());
        store.enqueue(List.of(new DateKey(AnalyticsTable.TEAM_OFFENSE, LocalDate.parse("2024-11-01"))), "run-1", EnqueuePolicy.NORMAL);
        try (FirestoreClient client = FirestoreClient.create(settings)) {
            Map<String, Object> fields = client.get().collection(FirestoreStateStoreSettings.DEFAULT_COLLECTION)
                    .document("team_offense_game_summary__2024-11-01").get().get().getData();
            assertThat(fields).containsKeys("table", "date", "status", "attempts", "runId", "leaseOwner", "leaseExpiresAt", "queuedAt", "cancelRequest",
                    "startedAt", "finishedAt", "rowsWritten", "rowsExpected", "durationMs", "errorClass", "errorMessage", "updatedAt");
            assertThat(fields).containsEntry("status", "QUEUED").containsEntry("date", "2024-11-01").containsEntry("runId", "run-1");
        }
    }

    @Test
    void productionDecisionsAreMadeAtTheServersReadTimeWhateverTheScriptedClockSays()
    {
        // the contract tests' scripted clock stands at another day altogether; production storage never reads a process clock
        FirestoreStateStoreSettings settings = FirestoreStateStoreSettings.of(PROJECT).withEmulatorHost(emulator.hostAndPort());
        WorkItem item = new WorkItem(AnalyticsTable.SYNTHETIC, LocalDate.parse("2024-11-04"), "run-1");
        try (FirestoreClient client = FirestoreClient.create(settings)) {
            FirestoreServerTime serverTime = FirestoreStateStorage.serverTime(client, settings.collection(), dev.backfillfleet.support.Ticker.system());
            TransitioningStateStore atServerTime = new TransitioningStateStore(new FirestoreStateStorage(client, settings.collection(), 5, serverTime));
            Instant before = serverTime.instant();
            Lease lease = claimed(atServerTime.claim(item, "w1", Duration.ofSeconds(30), 100));
            Instant after = serverTime.instant();

            assertThat(lease.startedAt()).as("the claim's read time").isBetween(before.minusSeconds(1), after.plusSeconds(1));
            assertThat(serverTime.lastSeen()).contains(lease.startedAt());
            assertThat(lease.expiresAt()).isEqualTo(lease.startedAt().plusSeconds(30));
            assertThat(Duration.between(clock.instant(), lease.startedAt()).abs()).as("not the scripted clock's").isGreaterThan(Duration.ofHours(1));
        }
    }

    @Test
    void eightContendersOnOneDateGetOneLeaseAndNoError()
            throws Exception
    {
        // the client's default of 5 transaction attempts can run out at 8 threads (testing-backends.md)
        WorkItem item = new WorkItem(AnalyticsTable.TEAM_DEFENSE, LocalDate.parse("2024-11-02"), "run-1");
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Future<ClaimResult>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String owner = "worker-" + i;
                claims.add(executor.submit(() -> store.claim(item, owner, Duration.ofSeconds(30), 100)));
            }
            int granted = 0;
            for (Future<ClaimResult> claim : claims) {
                granted += claim.get() instanceof ClaimResult.Claimed ? 1 : 0;
            }
            assertThat(granted).isEqualTo(1);
        }
        finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aWriteThatLandsBetweenTheReadAndTheWriteIsDecidedAgainNotOverwritten()
    {
        // the renewal's store reads the clock once, right after reading the document: there another client asks for a cancel
        WorkItem item = new WorkItem(AnalyticsTable.TEAM_OFFENSE, LocalDate.parse("2024-11-03"), "run-1");
        store.enqueue(List.of(item.key()), "run-1", EnqueuePolicy.NORMAL);
        ClockThatActsOnce renewalClock = new ClockThatActsOnce(clock);
        FirestoreStateStoreSettings settings = FirestoreStateStoreSettings.of(PROJECT).withEmulatorHost(emulator.hostAndPort());
        try (TransitioningStateStore renewals = new TransitioningStateStore(FirestoreStateStorage.create(settings, renewalClock))) {
            Lease lease = claimed(renewals.claim(item, "w1", Duration.ofSeconds(30), 100));
            renewalClock.beforeNextReading(() -> store.cancel(List.of(item.key()), CancelRequest.NOW));

            assertThatThrownBy(() -> renewals.heartbeat(lease, Duration.ofSeconds(30)))
                    .as("the renewal read the record before the cancel; written blindly, it would have erased the request")
                    .isInstanceOf(DateCancelledException.class);
            assertThat(renewalClock.acted()).isTrue();
            assertThat(store.get(item.key()).orElseThrow().state()).isEqualTo(DateState.CANCELLED);
        }
    }

    /** A clock that runs an action once, at the first reading after it is armed. */
    private static final class ClockThatActsOnce
            extends Clock
    {
        private final Clock delegate;
        private final AtomicReference<Runnable> action = new AtomicReference<>();
        private volatile boolean acted;

        ClockThatActsOnce(Clock delegate)
        {
            this.delegate = delegate;
        }

        void beforeNextReading(Runnable next)
        {
            action.set(next);
        }

        boolean acted()
        {
            return acted;
        }

        @Override
        public Instant instant()
        {
            Runnable next = action.getAndSet(null);
            if (next != null) {
                next.run();
                acted = true;
            }
            return delegate.instant();
        }

        @Override
        public ZoneId getZone()
        {
            return delegate.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone)
        {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void firestoreFailuresAreClassified()
    {
        assertThat(FirestoreFailures.classify(Status.Code.ABORTED)).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(FirestoreFailures.classify(Status.Code.UNAVAILABLE)).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(FirestoreFailures.classify(Status.Code.DEADLINE_EXCEEDED)).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(FirestoreFailures.classify(Status.Code.RESOURCE_EXHAUSTED)).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(FirestoreFailures.classify(Status.Code.PERMISSION_DENIED)).isEqualTo(ErrorClass.PERMANENT);
        StatusRuntimeException cause = Status.UNAVAILABLE.withDescription("connection reset").asRuntimeException();
        RuntimeException translated = FirestoreFailures.translate("claim", new ExecutionException(cause));
        assertThat(translated).isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT));
        assertThat(translated).hasCause(cause);
    }
}
