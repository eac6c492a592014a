package dev.backfillfleet.worker;

import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.state.ClaimResult;
import dev.backfillfleet.state.Completion;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.testing.TestingClock;
import dev.backfillfleet.support.Reachability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A held lease's interrupts reach only the attempt they are about, never the thread's next delivery. */
class TestHeldLease
{
    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    private final TestingClock clock = new TestingClock();
    private final TestingScheduler scheduler = new TestingScheduler(clock);
    private TransitioningStateStore stateStore;
    private LeaseKeeper keeper;

    @BeforeEach
    void store()
    {
        stateStore = new TransitioningStateStore(SqliteStateStorage.open(directory.resolve("state.db"), clock));
        keeper = new LeaseKeeper(stateStore, LEASE, clock.ticker(), new Reachability("the state store"), scheduler);
    }

    @AfterEach
    void close()
    {
        stateStore.close();
    }

    @Test
    void aRenewalThatFindsTheDateAlreadyCompletedLeavesNoInterruptBehind()
    {
        Lease lease = ((ClaimResult.Claimed) stateStore.claim(new WorkItem(AnalyticsTable.SYNTHETIC, LocalDate.parse("2024-11-05"), "run-1"), "w", LEASE, 10)).lease();
        try (HeldLease held = keeper.hold(lease, keeper.claimSending())) {
            // the date completes while a renewal is on its way (on Firestore the two transactions contend)
            stateStore.complete(lease, new Completion(DateState.SUCCEEDED, 1, 1, Duration.ZERO));
            scheduler.advance(LEASE.dividedBy(3));
            assertThat(held.lost()).isPresent();
        }
        assertThat(Thread.interrupted()).as("the thread goes on to its next delivery uninterrupted").isFalse();
    }

    @Test
    void aLeaseIsMeasuredFromWhenItsClaimWasSentNotFromTheRecordsExpiry()
    {
        long sent = keeper.claimSending();
        Lease lease = ((ClaimResult.Claimed) stateStore.claim(new WorkItem(AnalyticsTable.SYNTHETIC, LocalDate.parse("2024-11-07"), "run-1"), "w", LEASE, 10)).lease();
        // the claim's answer took 5 s to arrive: the store decided somewhere in those 5 s
        clock.tick(Duration.ofSeconds(5));
        try (HeldLease held = keeper.hold(lease, sent)) {
            assertThat(held.timeLeft()).isEqualTo(LEASE.minusSeconds(5));
        }
    }

    @Test
    void aLeaseWhoseRenewalsCannotReachTheStoreIsLostWhenItsTimeRunsOutByTheMonotonicClock()
    {
        Lease lease = ((ClaimResult.Claimed) stateStore.claim(new WorkItem(AnalyticsTable.SYNTHETIC, LocalDate.parse("2024-11-08"), "run-1"), "w", LEASE, 10)).lease();
        Reachability reachability = new Reachability("the state store", clock.ticker());
        LeaseKeeper unreachable = new LeaseKeeper((StateStore) java.lang.reflect.Proxy.newProxyInstance(StateStore.class.getClassLoader(), new Class<?>[] {StateStore.class}, new UnreachableStore(stateStore)), LEASE, clock.ticker(), reachability, scheduler);
        try (HeldLease held = unreachable.hold(lease, unreachable.claimSending())) {
            scheduler.advance(LEASE.dividedBy(3));
            assertThat(held.lost()).as("a failed renewal with time left is tried again").isEmpty();
            scheduler.advance(LEASE.dividedBy(3).multipliedBy(2));
            assertThat(reachability.isReachable()).as("calls failed for longer than a passing reset").isFalse();
            assertThat(held.lost()).as("the renewal due at the lease's end finds it unproved").isPresent();
            assertThat(held.expiredUnrenewed()).isTrue();
            assertThat(held.timeLeft().isNegative() || held.timeLeft().isZero()).isTrue();
            assertThat(Thread.currentThread().isInterrupted()).as("the runner is interrupted to stop the attempt").isTrue();
        }
        assertThat(Thread.interrupted()).as("closing leaves no interrupt behind").isFalse();
    }

    @Test
    void aStopRequestedAfterTheDateEndedDoesNotReachTheThread()
    {
        Lease lease = ((ClaimResult.Claimed) stateStore.claim(new WorkItem(AnalyticsTable.SYNTHETIC, LocalDate.parse("2024-11-06"), "run-1"), "w", LEASE, 10)).lease();
        HeldLease held = keeper.hold(lease, keeper.claimSending());
        held.close();
        held.requestStop("shutdown");
        assertThat(Thread.interrupted()).isFalse();
    }

    /** The state store out of reach: every call fails as a cut link's does. */
    private static final class UnreachableStore
            implements java.lang.reflect.InvocationHandler
    {
        private final StateStore store;

        private UnreachableStore(StateStore store)
        {
            this.store = store;
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] arguments)
        {
            throw dev.backfillfleet.domain.FleetException.transientFailure("firestore " + method.getName() + ": DEADLINE_EXCEEDED", null);
        }
    }
}
