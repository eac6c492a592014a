package dev.backfillfleet.worker;

import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.state.ClaimResult;
import dev.backfillfleet.state.Completion;
import dev.backfillfleet.testing.TestingClock;
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
        keeper = new LeaseKeeper(stateStore, LEASE, clock, scheduler);
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
        try (HeldLease held = keeper.hold(lease)) {
            // the date completes while a renewal is on its way (on Firestore the two transactions contend)
            stateStore.complete(lease, new Completion(DateState.SUCCEEDED, 1, 1, Duration.ZERO));
            scheduler.advance(LEASE.dividedBy(3));
            assertThat(held.lost()).isPresent();
        }
        assertThat(Thread.interrupted()).as("the thread goes on to its next delivery uninterrupted").isFalse();
    }

    @Test
    void aStopRequestedAfterTheDateEndedDoesNotReachTheThread()
    {
        Lease lease = ((ClaimResult.Claimed) stateStore.claim(new WorkItem(AnalyticsTable.SYNTHETIC, LocalDate.parse("2024-11-06"), "run-1"), "w", LEASE, 10)).lease();
        HeldLease held = keeper.hold(lease);
        held.close();
        held.requestStop("shutdown");
        assertThat(Thread.interrupted()).isFalse();
    }
}
