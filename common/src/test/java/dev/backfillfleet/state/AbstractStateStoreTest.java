package dev.backfillfleet.state;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.CancelRequest;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.EnqueuePolicy.EnqueueDecision;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.testing.TestingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every state store keeps. Subclasses create a fresh, empty store on the given
 * clock; the same tests run against the embedded store and Firestore.
 */
public abstract class AbstractStateStoreTest
{
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final LocalDate DAY = LocalDate.parse("2024-11-01");
    private static final DateKey KEY = new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY);
    private static final WorkItem ITEM = new WorkItem(AnalyticsTable.TEAM_OFFENSE, DAY, "run-1");

    protected final TestingClock clock = new TestingClock();
    protected StateStore store;

    protected abstract StateStore createStore(TestingClock clock)
            throws Exception;

    protected void closeStore()
            throws Exception {}

    @BeforeEach
    void setUpStore()
            throws Exception
    {
        store = createStore(clock);
    }

    @AfterEach
    void tearDownStore()
            throws Exception
    {
        closeStore();
    }

    @Test
    void enqueueRecordsQueuedAndSkipsInFlightAndDoneDates()
    {
        List<DateKey> keys = keys(AnalyticsTable.TEAM_OFFENSE, DAY, 3);
        assertThat(store.enqueue(keys, "run-1", EnqueuePolicy.NORMAL).queued()).containsExactlyElementsOf(keys);
        assertThat(store.get(keys.get(0)).orElseThrow().state()).isEqualTo(DateState.QUEUED);
        assertThat(store.get(keys.get(0)).orElseThrow().runId()).isEqualTo("run-1");

        EnqueueResult again = store.enqueue(keys, "run-2", EnqueuePolicy.NORMAL);
        assertThat(again.queued()).isEmpty();
        assertThat(again.count(EnqueueDecision.SKIP_QUEUED)).isEqualTo(3);

        Lease lease = claimed(store.claim(new WorkItem(AnalyticsTable.TEAM_OFFENSE, DAY, "run-1"), "w1", LEASE, 100));
        store.complete(lease, new Completion(DateState.SUCCEEDED, 14, 14, Duration.ofMillis(5)));
        EnqueueResult third = store.enqueue(keys, "run-3", EnqueuePolicy.NORMAL);
        assertThat(third.decisions()).containsEntry(KEY, EnqueueDecision.SKIP_DONE);
        assertThat(store.enqueue(List.of(KEY), "run-4", EnqueuePolicy.FORCE).queued()).containsExactly(KEY);
        assertThat(store.get(KEY).orElseThrow().state()).isEqualTo(DateState.QUEUED);
    }

    @Test
    void enqueueRequeuesFailedDatesAndRetryTakesOnlyThose()
    {
        DateKey other = new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY.plusDays(1));
        store.enqueue(List.of(KEY, other), "run-1", EnqueuePolicy.NORMAL);
        Lease lease = claimed(store.claim(ITEM, "w1", LEASE, 100));
        store.fail(lease, ErrorClass.PERMANENT, "box score missing for 20241101_BOS_NYK");

        EnqueueResult retry = store.enqueue(List.of(KEY, other), "run-2", EnqueuePolicy.RETRY_FAILED);
        assertThat(retry.queued()).containsExactly(KEY);
        assertThat(retry.decisions()).containsEntry(other, EnqueueDecision.SKIP_QUEUED);
        DateRecord record = store.get(KEY).orElseThrow();
        assertThat(record.state()).isEqualTo(DateState.QUEUED);
        assertThat(record.errorMessage()).isEmpty();
        assertThat(record.attempts()).isEqualTo(1);
    }

    @Test
    void retryOfADateThatUsedUpItsAttemptsRunsItAgainWithAFreshBudget()
    {
        store.enqueue(List.of(KEY), "run-1", EnqueuePolicy.NORMAL);
        int maxAttempts = 2;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            store.release(claimed(store.claim(ITEM, "w1", LEASE, 100, maxAttempts)), Optional.of(ErrorClass.TRANSIENT), Optional.of("timeout"));
        }
        assertThat(store.claim(ITEM, "w1", LEASE, 100, maxAttempts)).isInstanceOf(ClaimResult.AttemptsExhausted.class);
        assertThat(store.get(KEY).orElseThrow().state()).isEqualTo(DateState.FAILED);

        store.enqueue(List.of(KEY), "run-2", EnqueuePolicy.RETRY_FAILED);
        Lease again = claimed(store.claim(ITEM, "w1", LEASE, 100, maxAttempts));
        // the count goes on (it fences the lease and names the load job); the budget starts over
        assertThat(again.attempt()).isEqualTo(maxAttempts + 1);
        assertThat(store.get(KEY).orElseThrow().attemptsUsed()).isEqualTo(1);
    }

    @Test
    void aDoneDateKeepsTheDefinitionVersionThatComputedItUntilItIsQueuedAgain()
    {
        store.enqueue(List.of(KEY), "run-1", EnqueuePolicy.NORMAL);
        assertThat(store.get(KEY).orElseThrow().definitionVersion()).isEmpty();
        store.complete(claimed(store.claim(ITEM, "w1", LEASE, 100)), new Completion(DateState.SUCCEEDED, 2, 2, Duration.ofMillis(5), 7));
        assertThat(store.get(KEY).orElseThrow().definitionVersion()).contains(7L);

        store.enqueue(List.of(KEY), "run-2", EnqueuePolicy.FORCE);
        assertThat(store.get(KEY).orElseThrow().definitionVersion()).as("queued again: nothing computed it yet").isEmpty();
    }

    @Test
    void claimTakesALeaseAndCountsTheAttempt()
    {
        store.enqueue(List.of(KEY), "run-1", EnqueuePolicy.NORMAL);
        Lease lease = claimed(store.claim(ITEM, "worker-a", LEASE, 100));
        assertThat(lease.attempt()).isEqualTo(1);
        assertThat(lease.owner()).isEqualTo("worker-a");
        assertThat(lease.expiresAt()).isEqualTo(clock.instant().plus(LEASE));

        DateRecord record = store.get(KEY).orElseThrow();
        assertThat(record.state()).isEqualTo(DateState.RUNNING);
        assertThat(record.leaseOwner()).contains("worker-a");
        assertThat(record.attempts()).isEqualTo(1);
        assertThat(record.startedAt()).contains(clock.instant());
    }

    @Test
    void claimWithoutARecordCreatesIt()
    {
        Lease lease = claimed(store.claim(ITEM, "worker-a", LEASE, 100));
        assertThat(lease.attempt()).isEqualTo(1);
        assertThat(store.get(KEY).orElseThrow().state()).isEqualTo(DateState.RUNNING);
    }

    @Test
    void duplicateDeliveryOfALeasedDateIsHeldByOther()
    {
        store.enqueue(List.of(KEY), "run-1", EnqueuePolicy.NORMAL);
        claimed(store.claim(ITEM, "worker-a", LEASE, 100));
        ClaimResult second = store.claim(ITEM, "worker-b", LEASE, 100);
        assertThat(second).isInstanceOf(ClaimResult.HeldByOther.class);
        assertThat(((ClaimResult.HeldByOther) second).owner()).isEqualTo("worker-a");
    }

    @Test
    void expiredLeaseIsReclaimedAndTheOldHolderIsFencedOff()
    {
        store.enqueue(List.of(KEY), "run-1", EnqueuePolicy.NORMAL);
        Lease first = claimed(store.claim(ITEM, "worker-a", LEASE, 100));
        clock.tick(LEASE.plusSeconds(1));
        Lease second = claimed(store.claim(ITEM, "worker-b", LEASE, 100));
        assertThat(second.attempt()).isEqualTo(2);

        assertThatThrownBy(() -> store.heartbeat(first, LEASE)).isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> store.complete(first, new Completion(DateState.SUCCEEDED, 1, 1, Duration.ZERO)))
                .isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> store.fail(first, ErrorClass.PERMANENT, "late")).isInstanceOf(LeaseLostException.class);

        store.complete(second, new Completion(DateState.SUCCEEDED, 2, 2, Duration.ofMillis(40)));
        DateRecord record = store.get(KEY).orElseThrow();
        assertThat(record.state()).isEqualTo(DateState.SUCCEEDED);
        assertThat(record.rowsWritten()).contains(2L);
        assertThat(record.rowsExpected()).contains(2L);
        assertThat(record.duration()).contains(Duration.ofMillis(40));
        assertThat(record.leaseOwner()).isEmpty();
    }

    @Test
    void heartbeatExtendsTheLease()
    {
        Lease lease = claimed(store.claim(ITEM, "worker-a", LEASE, 100));
        clock.tick(Duration.ofSeconds(20));
        Lease renewed = store.heartbeat(lease, LEASE);
        assertThat(renewed.expiresAt()).isEqualTo(clock.instant().plus(LEASE));
        clock.tick(Duration.ofSeconds(20));
        assertThat(store.claim(ITEM, "worker-b", LEASE, 100)).isInstanceOf(ClaimResult.HeldByOther.class);
        store.complete(renewed, new Completion(DateState.NO_GAMES, 0, 0, Duration.ZERO));
        assertThat(store.get(KEY).orElseThrow().state()).isEqualTo(DateState.NO_GAMES);
    }

    @Test
    void terminalDatesAreNotClaimedAgain()
    {
        Lease lease = claimed(store.claim(ITEM, "worker-a", LEASE, 100));
        store.complete(lease, new Completion(DateState.SUCCEEDED, 3, 3, Duration.ZERO));
        assertThat(store.claim(ITEM, "worker-b", LEASE, 100)).isEqualTo(new ClaimResult.AlreadyTerminal(DateState.SUCCEEDED));

        DateKey failedKey = new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY.plusDays(3));
        WorkItem failedItem = new WorkItem(AnalyticsTable.TEAM_OFFENSE, failedKey.date(), "run-1");
        store.fail(claimed(store.claim(failedItem, "worker-a", LEASE, 100)), ErrorClass.PERMANENT, "bad data");
        assertThat(store.claim(failedItem, "worker-b", LEASE, 100)).isEqualTo(new ClaimResult.AlreadyTerminal(DateState.FAILED));
        DateRecord failed = store.get(failedKey).orElseThrow();
        assertThat(failed.errorClass()).contains(ErrorClass.PERMANENT);
        assertThat(failed.errorMessage()).contains("bad data");
        assertThat(failed.finishedAt()).contains(clock.instant());
    }

    @Test
    void releaseGivesTheDateBackWithItsError()
    {
        Lease lease = claimed(store.claim(ITEM, "worker-a", LEASE, 100));
        store.release(lease, Optional.of(ErrorClass.TRANSIENT), Optional.of("rate limited"));
        DateRecord record = store.get(KEY).orElseThrow();
        assertThat(record.state()).isEqualTo(DateState.QUEUED);
        assertThat(record.errorMessage()).contains("rate limited");
        assertThat(record.leaseOwner()).isEmpty();
        Lease again = claimed(store.claim(ITEM, "worker-b", LEASE, 100));
        assertThat(again.attempt()).isEqualTo(2);
    }

    @Test
    void tableCapacityBoundsLiveLeasesPerTable()
    {
        List<DateKey> keys = keys(AnalyticsTable.SYNTHETIC, DAY, 3);
        claimed(store.claim(item(keys.get(0)), "w", LEASE, 2));
        claimed(store.claim(item(keys.get(1)), "w", LEASE, 2));
        assertThat(store.claim(item(keys.get(2)), "w", LEASE, 2)).isEqualTo(new ClaimResult.TableAtCapacity(2));
        assertThat(store.claim(ITEM, "w", LEASE, 2)).isInstanceOf(ClaimResult.Claimed.class);
        clock.tick(LEASE.plusSeconds(1));
        assertThat(store.claim(item(keys.get(2)), "w", LEASE, 2)).isInstanceOf(ClaimResult.Claimed.class);
    }

    @Test
    void aDeadLetterNeverFailsItsDate()
    {
        DateKey done = new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY.plusDays(1));
        DateKey held = new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY.plusDays(2));
        DateKey abandoned = new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY.plusDays(3));
        DateKey cancelledWhileRunning = new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY.plusDays(4));
        store.complete(claimed(store.claim(item(done), "w", LEASE, 100)), new Completion(DateState.SUCCEEDED, 1, 1, Duration.ZERO));
        store.enqueue(List.of(KEY, held, abandoned, cancelledWhileRunning), "run-1", EnqueuePolicy.NORMAL);
        claimed(store.claim(item(abandoned), "dead-worker", LEASE, 100));
        claimed(store.claim(item(cancelledWhileRunning), "dead-worker", LEASE, 100));
        store.cancel(List.of(cancelledWhileRunning), CancelRequest.WHEN_ATTEMPT_ENDS);
        clock.tick(LEASE.plusSeconds(1));
        claimed(store.claim(item(held), "live-worker", LEASE, 100));

        assertThat(store.settleDeadLetter(KEY)).isEqualTo(DeadLetterDecision.PUBLISH_AGAIN);
        assertThat(store.settleDeadLetter(abandoned)).isEqualTo(DeadLetterDecision.PUBLISH_AGAIN);
        assertThat(store.settleDeadLetter(held)).isEqualTo(DeadLetterDecision.HELD_BY_LIVE_LEASE);
        assertThat(store.settleDeadLetter(done)).isEqualTo(DeadLetterDecision.ALREADY_TERMINAL);
        assertThat(store.settleDeadLetter(cancelledWhileRunning)).isEqualTo(DeadLetterDecision.CANCELLED);
        assertThat(store.settleDeadLetter(cancelledWhileRunning)).isEqualTo(DeadLetterDecision.ALREADY_TERMINAL);
        assertThat(store.get(KEY).orElseThrow().state()).isEqualTo(DateState.QUEUED);
        assertThat(store.get(abandoned).orElseThrow().state()).isEqualTo(DateState.RUNNING);
        assertThat(store.get(held).orElseThrow().leaseOwner()).contains("live-worker");
        assertThat(store.get(done).orElseThrow().state()).isEqualTo(DateState.SUCCEEDED);
        assertThat(store.get(cancelledWhileRunning).orElseThrow().state()).isEqualTo(DateState.CANCELLED);
    }

    @Test
    void listsAndCountsByTableStateAndRange()
    {
        List<DateKey> keys = keys(AnalyticsTable.TEAM_OFFENSE, DAY, 10);
        store.enqueue(keys, "run-1", EnqueuePolicy.NORMAL);
        store.enqueue(keys(AnalyticsTable.SYNTHETIC, DAY, 4), "run-1", EnqueuePolicy.NORMAL);
        store.fail(claimed(store.claim(item(keys.get(2)), "w", LEASE, 100)), ErrorClass.PERMANENT, "x");
        store.fail(claimed(store.claim(item(keys.get(7)), "w", LEASE, 100)), ErrorClass.PERMANENT, "y");
        store.complete(claimed(store.claim(item(keys.get(3)), "w", LEASE, 100)), new Completion(DateState.NO_GAMES, 0, 0, Duration.ZERO));

        assertThat(store.countByState(AnalyticsTable.TEAM_OFFENSE, Optional.empty()))
                .isEqualTo(Map.of(DateState.QUEUED, 7L, DateState.FAILED, 2L, DateState.NO_GAMES, 1L));
        assertThat(store.countByState(AnalyticsTable.TEAM_OFFENSE, Optional.of(DateRange.of(DAY, DAY.plusDays(4)))))
                .isEqualTo(Map.of(DateState.QUEUED, 3L, DateState.FAILED, 1L, DateState.NO_GAMES, 1L));
        assertThat(store.countByState(AnalyticsTable.SYNTHETIC, Optional.empty())).isEqualTo(Map.of(DateState.QUEUED, 4L));

        List<DateRecord> failed = store.list(AnalyticsTable.TEAM_OFFENSE, Optional.empty(), Set.of(DateState.FAILED));
        assertThat(failed).extracting(DateRecord::key).containsExactly(keys.get(2), keys.get(7));
        assertThat(store.list(AnalyticsTable.TEAM_OFFENSE, Optional.of(DateRange.of(DAY.plusDays(5), DAY.plusDays(9))), Set.of()))
                .extracting(record -> record.key().date())
                .containsExactlyElementsOf(DateRange.of(DAY.plusDays(5), DAY.plusDays(9)).dates());
        assertThat(store.getAll(List.of(keys.get(0), keys.get(1), new DateKey(AnalyticsTable.UPCOMING_TEAM, DAY)))).containsOnlyKeys(keys.get(0), keys.get(1));
    }

    @Test
    void concurrentClaimsOfOneDateGrantOneLease()
            throws Exception
    {
        int contenders = 4;
        ExecutorService executor = Executors.newFixedThreadPool(contenders);
        try {
            AtomicInteger granted = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                String owner = "worker-" + i;
                futures.add(executor.submit(() -> {
                    if (store.claim(ITEM, owner, LEASE, 100) instanceof ClaimResult.Claimed) {
                        granted.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            assertThat(granted).hasValue(1);
            assertThat(store.get(KEY).orElseThrow().attempts()).isEqualTo(1);
        }
        finally {
            executor.shutdownNow();
        }
    }

    @Test
    void cancelEndsQueuedAndNeverEnqueuedDatesAndLeavesTerminalOnes()
    {
        DateKey queued = KEY;
        DateKey neverEnqueued = new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY.plusDays(1));
        DateKey succeeded = new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY.plusDays(2));
        DateKey failed = new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY.plusDays(3));
        store.enqueue(List.of(queued), "run-1", EnqueuePolicy.NORMAL);
        store.complete(claimed(store.claim(item(succeeded), "w", LEASE, 100)), new Completion(DateState.SUCCEEDED, 1, 1, Duration.ZERO));
        store.fail(claimed(store.claim(item(failed), "w", LEASE, 100)), ErrorClass.PERMANENT, "bad data");
        clock.tick(Duration.ofSeconds(5));

        CancelResult result = store.cancel(List.of(queued, neverEnqueued, succeeded, failed), CancelRequest.WHEN_ATTEMPT_ENDS);

        assertThat(result.decisions()).isEqualTo(Map.of(queued, CancelDecision.CANCELLED, neverEnqueued, CancelDecision.CANCELLED,
                succeeded, CancelDecision.ALREADY_TERMINAL, failed, CancelDecision.ALREADY_TERMINAL));
        DateRecord cancelled = store.get(queued).orElseThrow();
        assertThat(cancelled.state()).isEqualTo(DateState.CANCELLED);
        assertThat(cancelled.runId()).isEqualTo("run-1");
        assertThat(cancelled.finishedAt()).contains(clock.instant());
        assertThat(store.get(neverEnqueued).orElseThrow().state()).isEqualTo(DateState.CANCELLED);
        assertThat(store.get(succeeded).orElseThrow().state()).isEqualTo(DateState.SUCCEEDED);
        assertThat(store.get(failed).orElseThrow().state()).isEqualTo(DateState.FAILED);
        assertThat(store.countByState(AnalyticsTable.TEAM_OFFENSE, Optional.empty())).containsEntry(DateState.CANCELLED, 2L);

        assertThat(store.claim(ITEM, "w", LEASE, 100)).as("a cancelled date's delivery is not run")
                .isEqualTo(new ClaimResult.AlreadyTerminal(DateState.CANCELLED));
        assertThat(store.enqueue(List.of(queued, neverEnqueued), "run-2", EnqueuePolicy.RETRY_FAILED).queued()).as("not a failure").isEmpty();
        assertThat(store.enqueue(List.of(queued, neverEnqueued, succeeded), "run-2", EnqueuePolicy.NORMAL).queued())
                .as("queued again like a PENDING date").containsExactly(queued, neverEnqueued);
        assertThat(store.get(queued).orElseThrow().state()).isEqualTo(DateState.QUEUED);
    }

    @Test
    void aDateCancelledWhileItRunsFinishesAndIsNotQueuedAgain()
    {
        Lease finishing = claimed(store.claim(ITEM, "w1", LEASE, 100));
        DateKey releasedKey = new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY.plusDays(1));
        Lease releasing = claimed(store.claim(item(releasedKey), "w1", LEASE, 100));
        DateKey givenBackKey = new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY.plusDays(2));
        Lease givingBack = claimed(store.claim(item(givenBackKey), "w1", LEASE, 100));

        CancelResult result = store.cancel(List.of(KEY, releasedKey, givenBackKey), CancelRequest.WHEN_ATTEMPT_ENDS);
        assertThat(result.count(CancelDecision.FINISHES_FIRST)).isEqualTo(3);
        assertThat(store.get(KEY).orElseThrow().state()).isEqualTo(DateState.RUNNING);

        Lease renewed = store.heartbeat(finishing, LEASE);
        store.complete(renewed, new Completion(DateState.SUCCEEDED, 4, 4, Duration.ofMillis(30)));
        assertThat(store.get(KEY).orElseThrow().state()).as("its result stands").isEqualTo(DateState.SUCCEEDED);
        assertThat(store.get(KEY).orElseThrow().cancelRequest()).isEmpty();

        store.release(releasing, Optional.of(ErrorClass.TRANSIENT), Optional.of("rate limited"));
        assertThat(store.get(releasedKey).orElseThrow().state()).as("a release does not queue it again").isEqualTo(DateState.CANCELLED);
        store.giveBack(givingBack);
        assertThat(store.get(givenBackKey).orElseThrow().state()).as("nor does a give-back").isEqualTo(DateState.CANCELLED);
    }

    @Test
    void cancelNowStopsARunningDateAtItsNextRenewal()
    {
        Lease lease = claimed(store.claim(ITEM, "w1", LEASE, 100));
        assertThat(store.cancel(List.of(KEY), CancelRequest.NOW).decisions()).containsEntry(KEY, CancelDecision.STOP_REQUESTED);
        assertThat(store.get(KEY).orElseThrow().state()).as("until its worker hears of it").isEqualTo(DateState.RUNNING);
        clock.tick(Duration.ofSeconds(3));

        assertThatThrownBy(() -> store.heartbeat(lease, LEASE)).isInstanceOf(DateCancelledException.class);

        DateRecord cancelled = store.get(KEY).orElseThrow();
        assertThat(cancelled.state()).isEqualTo(DateState.CANCELLED);
        assertThat(cancelled.leaseOwner()).isEmpty();
        assertThat(cancelled.finishedAt()).contains(clock.instant());
        assertThat(cancelled.attemptsUsed()).as("the interrupted attempt is not the date's fault").isZero();
        assertThatThrownBy(() -> store.complete(lease, new Completion(DateState.SUCCEEDED, 1, 1, Duration.ZERO)))
                .isInstanceOf(LeaseLostException.class);
    }

    @Test
    void aCancelledDateWhoseWorkerDiedIsCancelledByTheNextClaimOrAtOnce()
    {
        claimed(store.claim(ITEM, "w1", LEASE, 100));
        store.cancel(List.of(KEY), CancelRequest.WHEN_ATTEMPT_ENDS);
        clock.tick(LEASE.plusSeconds(1));
        assertThat(store.claim(ITEM, "w2", LEASE, 100)).isEqualTo(new ClaimResult.AlreadyTerminal(DateState.CANCELLED));
        assertThat(store.get(KEY).orElseThrow().state()).isEqualTo(DateState.CANCELLED);

        DateKey abandoned = new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY.plusDays(1));
        claimed(store.claim(item(abandoned), "w1", LEASE, 100));
        clock.tick(LEASE.plusSeconds(1));
        assertThat(store.cancel(List.of(abandoned), CancelRequest.WHEN_ATTEMPT_ENDS).decisions()).containsEntry(abandoned, CancelDecision.CANCELLED);
        assertThat(store.get(abandoned).orElseThrow().state()).isEqualTo(DateState.CANCELLED);
    }

    @Test
    void aRunIsCountedFromTheDatesThatCarryItsId()
    {
        java.time.Instant runStarted = clock.instant();
        store.enqueue(keys(AnalyticsTable.TEAM_OFFENSE, DAY, 4), "run-1", EnqueuePolicy.NORMAL);
        store.enqueue(keys(AnalyticsTable.SYNTHETIC, DAY, 4), "run-1", EnqueuePolicy.NORMAL);
        clock.tick(Duration.ofSeconds(10));
        Lease lease = claimed(store.claim(ITEM, "w", LEASE, 100));
        clock.tick(Duration.ofSeconds(2));
        store.complete(lease, new Completion(DateState.SUCCEEDED, 3, 3, Duration.ofSeconds(2)));
        DateKey failedKey = new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY.plusDays(1));
        clock.tick(Duration.ofSeconds(1));
        store.fail(claimed(store.claim(item(failedKey), "w", LEASE, 100)), ErrorClass.PERMANENT, "bad data");
        clock.tick(Duration.ofMinutes(1));
        store.enqueue(List.of(failedKey), "run-2", EnqueuePolicy.RETRY_FAILED);

        RunSummary summary = store.summarizeRun("run-1");
        assertThat(summary.counts()).containsEntry(DateState.SUCCEEDED, 1L).containsEntry(DateState.QUEUED, 6L).containsEntry(DateState.FAILED, 0L);
        assertThat(summary.total()).as("the retried date belongs to run-2 now").isEqualTo(7);
        assertThat(summary.firstStartedAt()).contains(runStarted.plusSeconds(10));
        assertThat(summary.lastFinishedAt()).contains(runStarted.plusSeconds(12));
        assertThat(summary.finishedAt()).as("dates are still queued").isEmpty();
        assertThat(store.summarizeRun("run-2").counts()).containsEntry(DateState.QUEUED, 1L);
        assertThat(store.countByRun("run-1", AnalyticsTable.TEAM_OFFENSE)).isEqualTo(Map.of(DateState.SUCCEEDED, 1L, DateState.QUEUED, 2L));
        assertThat(store.listRun("run-1", AnalyticsTable.TEAM_OFFENSE, Set.of(DateState.QUEUED))).extracting(record -> record.key().date())
                .containsExactly(DAY.plusDays(2), DAY.plusDays(3));
        assertThat(store.listRun("run-1", AnalyticsTable.SYNTHETIC, Set.of())).hasSize(4);
    }

    @Test
    void countsTheDatesThatFinishedRecently()
    {
        List<DateKey> keys = keys(AnalyticsTable.SYNTHETIC, DAY, 4);
        store.complete(claimed(store.claim(item(keys.get(0)), "w", LEASE, 100)), new Completion(DateState.SUCCEEDED, 1, 1, Duration.ZERO));
        clock.tick(Duration.ofMinutes(2));
        java.time.Instant since = clock.instant();
        store.complete(claimed(store.claim(item(keys.get(1)), "w", LEASE, 100)), new Completion(DateState.NO_GAMES, 0, 0, Duration.ZERO));
        store.fail(claimed(store.claim(item(keys.get(2)), "w", LEASE, 100)), ErrorClass.PERMANENT, "bad data");
        store.cancel(List.of(keys.get(3)), CancelRequest.WHEN_ATTEMPT_ENDS);

        assertThat(store.countFinishedSince(AnalyticsTable.SYNTHETIC, since)).as("a cancel is not a completion").isEqualTo(2);
        assertThat(store.countFinishedSince(AnalyticsTable.TEAM_OFFENSE, since)).isZero();
    }

    protected static Lease claimed(ClaimResult result)
    {
        assertThat(result).isInstanceOf(ClaimResult.Claimed.class);
        return ((ClaimResult.Claimed) result).lease();
    }

    private static WorkItem item(DateKey key)
    {
        return new WorkItem(key.table(), key.date(), "run-1");
    }

    private static List<DateKey> keys(AnalyticsTable table, LocalDate first, int count)
    {
        return DateRange.of(first, first.plusDays(count - 1)).dates().stream().map(date -> new DateKey(table, date)).toList();
    }
}
