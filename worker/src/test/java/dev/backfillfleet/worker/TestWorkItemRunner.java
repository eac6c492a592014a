package dev.backfillfleet.worker;

import dev.backfillfleet.catalog.BuiltInTables;
import dev.backfillfleet.catalog.Catalogs;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.CancelRequest;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.TablePause;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.embedded.SqliteCatalogStore;
import dev.backfillfleet.embedded.SqliteDatabase;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.embedded.SqliteTablePauses;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.embedded.StateDatabase;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.state.ClaimResult;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.state.TablePauses;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.testing.TestingClock;
import dev.backfillfleet.support.Reachability;
import dev.backfillfleet.warehouse.PartitionWriteGate;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowHash;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.worker.command.CommandRunner;
import dev.backfillfleet.worker.processor.ProcessingContext;
import dev.backfillfleet.worker.processor.ProcessorOutput;
import dev.backfillfleet.worker.processor.ProcessorRegistry;
import dev.backfillfleet.worker.processor.TableComputations;
import dev.backfillfleet.worker.processor.TableProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static dev.backfillfleet.worker.TestingDelivery.Settled.ACK;
import static dev.backfillfleet.worker.TestingDelivery.Settled.DEFER;
import static dev.backfillfleet.worker.TestingDelivery.Settled.RELEASE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker's hot path as a script: given this state, deliver, move the clock, expect this
 * outcome. Real SQLite state store and warehouse on an injected clock; lease renewals run when
 * the script moves the clock ({@link TestingScheduler}); processors are scripted per call.
 */
class TestWorkItemRunner
{
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration PAUSE_SEEN_WITHIN = Duration.ofSeconds(3);
    private static final LocalDate DAY = LocalDate.parse("2024-11-05");
    private static final TableRef SYNTHETIC = AnalyticsSchemas.ref(AnalyticsTable.SYNTHETIC);

    @TempDir
    Path directory;

    private final TestingClock clock = new TestingClock(Instant.parse("2024-11-05T12:00:00Z"));
    private final TestingScheduler scheduler = new TestingScheduler(clock);
    private final Deque<Function<ProcessingContext, ProcessorOutput>> script = new ArrayDeque<>();
    private final List<FleetException> fatal = new CopyOnWriteArrayList<>();
    private final WorkerStats stats = new WorkerStats();
    private final Map<String, Integer> stateStoreCalls = new ConcurrentHashMap<>();
    // while set, every call of the runner's to the state store fails as a cut link does
    private volatile boolean storeCut;
    private TransitioningStateStore stateStore;
    private SqliteDatabase pausesFile;
    private TablePauses pauses;
    private SqliteWarehouse warehouse;
    private WorkItemRunner runner;

    @BeforeEach
    void fleet()
    {
        stateStore = new TransitioningStateStore(SqliteStateStorage.open(directory.resolve("state.db"), clock));
        pausesFile = StateDatabase.open(directory.resolve("state.db"));
        pauses = new SqliteTablePauses(pausesFile);
        warehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard());
        WorkerSettings settings = new WorkerSettings("worker-a", 2, LEASE, 10, Duration.ofSeconds(1), Duration.ofSeconds(60), 3, 2,
                Duration.ofMillis(1), Duration.ofMillis(1));
        TableProcessor scripted = new ScriptedProcessor(AnalyticsTable.SYNTHETIC);
        ProcessorRegistry processors = new ProcessorRegistry(List.of(scripted, new ScriptedProcessor(AnalyticsTable.PLAYER_SUMMARY)));
        runner = runner(settings, processors, clock);
    }

    /**
     * A runner whose process clock is {@code processClock} (a skewed machine's, say): the state
     * store keeps the store's time ({@link #clock}), and the monotonic ticker measures the time
     * that really passes in the script.
     */
    private WorkItemRunner runner(WorkerSettings settings, ProcessorRegistry processors, java.time.Clock processClock)
    {
        StateStore counted = countingCalls(stateStore);
        Catalogs catalogs = new Catalogs(new SqliteCatalogStore(pausesFile), BuiltInTables.all(), clock, Duration.ofSeconds(3));
        TableComputations computations = new TableComputations(processors, new CommandRunner(directory));
        return new WorkItemRunner(counted, warehouse, catalogs, computations, settings, processClock,
                new LeaseKeeper(counted, LEASE, clock.ticker(), new Reachability("the state store"), scheduler),
                new UpstreamGate(counted, catalogs, clock, Duration.ofMinutes(5), stats), new PausedTables(pauses, processClock, PAUSE_SEEN_WITHIN),
                PartitionWriteGate.UNLIMITED, stats, fatal::add);
    }

    private WorkItemRunner skewedRunner(String workerId, Duration skew)
    {
        WorkerSettings settings = new WorkerSettings(workerId, 2, LEASE, 10, Duration.ofSeconds(1), Duration.ofSeconds(60), 3, 2,
                Duration.ofMillis(1), Duration.ofMillis(1));
        ProcessorRegistry processors = new ProcessorRegistry(List.of(new ScriptedProcessor(AnalyticsTable.SYNTHETIC)));
        return runner(settings, processors, java.time.Clock.offset(clock, skew));
    }

    /** The store the runner sees, counting the runner's calls by method (the script's own calls are not counted). */
    private StateStore countingCalls(StateStore store)
    {
        return (StateStore) Proxy.newProxyInstance(StateStore.class.getClassLoader(), new Class<?>[] {StateStore.class}, (proxy, method, arguments) -> {
            stateStoreCalls.merge(method.getName(), 1, Integer::sum);
            if (storeCut) {
                throw FleetException.transientFailure("firestore " + method.getName() + ": DEADLINE_EXCEEDED (the link is cut)", null);
            }
            try {
                return method.invoke(store, arguments);
            }
            catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @AfterEach
    void close()
    {
        stateStore.close();
        pausesFile.close();
        warehouse.close();
    }

    @Test
    void aReadyDateRunsWritesItsRowAndCompletes()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        script.add(context -> row(context));
        TestingDelivery delivery = TestingDelivery.of(item);

        assertThat(runner.handle(delivery)).isEqualTo(Outcome.SUCCEEDED);
        assertThat(delivery.settled()).contains(ACK);
        assertThat(record(item).state()).isEqualTo(DateState.SUCCEEDED);
        Row written = warehouse.read(SYNTHETIC, dev.backfillfleet.domain.DateRange.single(DAY)).get(0);
        assertThat(written.get("worker_id")).isEqualTo("worker-a");
        assertThat(written.get("attempt")).isEqualTo(1L);
        assertThat(scheduler.scheduled()).as("the lease is no longer renewed").isZero();
    }

    @Test
    void aDateWhoseUpstreamIsStillQueuedWaitsWithoutClaimingOrFailing()
    {
        queued(AnalyticsTable.TEAM_OFFENSE, DAY);
        WorkItem item = queued(AnalyticsTable.PLAYER_SUMMARY, DAY);
        TestingDelivery delivery = TestingDelivery.of(item);

        assertThat(runner.handle(delivery)).isEqualTo(Outcome.DEFERRED);
        assertThat(delivery.settled()).contains(DEFER);
        assertThat(record(item).state()).isEqualTo(DateState.QUEUED);
        assertThat(record(item).attempts()).as("waiting uses no attempt").isZero();
    }

    @Test
    void aDateWhoseUpstreamFailedWasCancelledOrWasNeverEnqueuedFailsNamingIt()
    {
        WorkItem failedUpstream = queued(AnalyticsTable.PLAYER_SUMMARY, DAY);
        WorkItem team = queued(AnalyticsTable.TEAM_OFFENSE, DAY);
        ClaimResult.Claimed claim = (ClaimResult.Claimed) stateStore.claim(team, "other", LEASE, 10);
        stateStore.fail(claim.lease(), ErrorClass.PERMANENT, "box score missing");
        assertThat(runner.handle(TestingDelivery.of(failedUpstream))).isEqualTo(Outcome.FAILED);
        assertThat(record(failedUpstream).errorMessage().orElseThrow()).contains("upstream team_offense_game_summary/2024-11-05 FAILED: box score missing");

        WorkItem neverEnqueued = queued(AnalyticsTable.PLAYER_SUMMARY, DAY.plusDays(1));
        assertThat(runner.handle(TestingDelivery.of(neverEnqueued))).isEqualTo(Outcome.FAILED);
        assertThat(record(neverEnqueued).errorMessage().orElseThrow()).contains("was never enqueued");

        WorkItem cancelledUpstream = queued(AnalyticsTable.PLAYER_SUMMARY, DAY.plusDays(2));
        stateStore.cancel(List.of(new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY.plusDays(2))), CancelRequest.WHEN_ATTEMPT_ENDS);
        assertThat(runner.handle(TestingDelivery.of(cancelledUpstream))).as("waiting would be forever").isEqualTo(Outcome.FAILED);
        assertThat(record(cancelledUpstream).errorMessage().orElseThrow()).contains("upstream team_offense_game_summary/2024-11-07 was CANCELLED");
    }

    @Test
    void aDoneUpstreamLetsTheDateRunAndIsRememberedSoItIsNotReadAgain()
    {
        WorkItem team = queued(AnalyticsTable.TEAM_OFFENSE, DAY);
        ClaimResult.Claimed claim = (ClaimResult.Claimed) stateStore.claim(team, "other", LEASE, 10);
        stateStore.complete(claim.lease(), new dev.backfillfleet.state.Completion(DateState.NO_GAMES, 0, 0, Duration.ZERO));
        WorkItem item = queued(AnalyticsTable.PLAYER_SUMMARY, DAY);
        clock.tick(Duration.ofSeconds(1));
        ClaimResult.Claimed elsewhere = (ClaimResult.Claimed) stateStore.claim(item, "worker-b", LEASE, 10);

        assertThat(runner.handle(TestingDelivery.of(item))).as("held by another worker").isEqualTo(Outcome.DEFERRED);
        assertThat(reads(AnalyticsTable.PLAYER_SUMMARY, WorkerStats.StateRead.UPSTREAM)).isEqualTo(1);
        stateStore.giveBack(elsewhere.lease());
        script.add(context -> ProcessorOutput.withoutGames());

        assertThat(runner.handle(TestingDelivery.of(item))).isEqualTo(Outcome.NO_GAMES);
        assertThat(reads(AnalyticsTable.PLAYER_SUMMARY, WorkerStats.StateRead.UPSTREAM)).as("the done upstream date is remembered").isEqualTo(1);
        assertThat(reads(AnalyticsTable.PLAYER_SUMMARY, WorkerStats.StateRead.OWN_RECORD)).as("seen done after the date was queued").isEqualTo(1);
    }

    @Test
    void anUpstreamDateQueuedAgainWithItsDependentIsWaitedForThoughItWasSeenDone()
    {
        WorkItem team = queued(AnalyticsTable.TEAM_OFFENSE, DAY);
        ClaimResult.Claimed claim = (ClaimResult.Claimed) stateStore.claim(team, "other", LEASE, 10);
        stateStore.complete(claim.lease(), new dev.backfillfleet.state.Completion(DateState.SUCCEEDED, 1, 1, Duration.ZERO));
        WorkItem item = queued(AnalyticsTable.PLAYER_SUMMARY, DAY);
        script.add(context -> ProcessorOutput.withoutGames());
        assertThat(runner.handle(TestingDelivery.of(item))).isEqualTo(Outcome.NO_GAMES);

        // enqueue --force --downstream --table team_offense: the upstream date and its dependent are queued again together
        clock.tick(Duration.ofSeconds(1));
        stateStore.enqueue(List.of(team.key(), item.key()), "run-2", EnqueuePolicy.FORCE);

        assertThat(runner.handle(TestingDelivery.of(item))).as("it must not run on the upstream date as it was").isEqualTo(Outcome.DEFERRED);
        assertThat(record(item).state()).isEqualTo(DateState.QUEUED);
    }

    @Test
    void aLeaseTakenOverWhileTheDateRunsStopsTheWorkAndWritesNothing()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        script.add(context -> {
            // the worker freezes past its lease; another worker takes the date over
            clock.tick(LEASE.plusSeconds(1));
            ClaimResult taken = stateStore.claim(item, "worker-b", LEASE, 10);
            assertThat(taken).isInstanceOf(ClaimResult.Claimed.class);
            // the worker thaws: its next renewal finds the lease gone and interrupts it
            scheduler.advance(LEASE.dividedBy(3));
            assertThat(Thread.currentThread().isInterrupted()).as("the processing thread is interrupted").isTrue();
            return row(context);
        });
        TestingDelivery delivery = TestingDelivery.of(item);

        assertThat(runner.handle(delivery)).isEqualTo(Outcome.LEASE_LOST);
        assertThat(delivery.settled()).contains(ACK);
        assertThat(warehouse.countPartition(SYNTHETIC, DAY)).as("the stale attempt wrote nothing").isZero();
        assertThat(record(item).leaseOwner()).contains("worker-b");
        assertThat(Thread.interrupted()).as("the interrupt does not leak out of the runner").isFalse();
    }

    // Clocks: a lease is judged by the store's time, and measured by the holder on its monotonic clock

    @Test
    void aWorkerWhoseClockRunsTwoLeasesAheadCannotTakeOverALiveLease()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        ClaimResult.Claimed holder = (ClaimResult.Claimed) stateStore.claim(item, "worker-a", LEASE, 10);
        WorkItemRunner ahead = skewedRunner("worker-fast", LEASE.multipliedBy(2));
        TestingDelivery delivery = TestingDelivery.of(item);

        assertThat(ahead.handle(delivery)).as("by its own clock the lease expired long ago; by the store's it is live").isEqualTo(Outcome.DEFERRED);
        assertThat(delivery.settled()).contains(DEFER);
        assertThat(record(item).leaseOwner()).contains("worker-a");
        assertThat(record(item).attempts()).isEqualTo(holder.lease().attempt());
    }

    @Test
    void aWorkerWhoseClockRunsTwoLeasesBehindKnowsItsUnrenewedLeaseIsGoneAndGivesTheMessageBack()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        WorkItemRunner behind = skewedRunner("worker-slow", LEASE.multipliedBy(2).negated());
        script.add(context -> {
            // the store goes out of reach for longer than the lease: no renewal gets through
            storeCut = true;
            scheduler.advance(LEASE.plusSeconds(1));
            storeCut = false;
            // by its own clock the lease has two leases to go; by the store's it expired, and a successor takes the date
            assertThat(stateStore.claim(item, "worker-b", LEASE, 10)).isInstanceOf(ClaimResult.Claimed.class);
            return row(context);
        });
        TestingDelivery delivery = TestingDelivery.of(item);

        assertThat(behind.handle(delivery)).isEqualTo(Outcome.LEASE_LOST);
        assertThat(delivery.settled()).as("not acked: whether a successor holds the date is not this worker's to know").contains(DEFER);
        assertThat(warehouse.countPartition(SYNTHETIC, DAY)).as("it wrote nothing after its lease ran out").isZero();
        assertThat(record(item).leaseOwner()).contains("worker-b");
        assertThat(stats.deferrals().get(AnalyticsTable.SYNTHETIC)).containsEntry(dev.backfillfleet.worker.observability.DeferReason.STATE_STORE_UNREACHABLE, 1L);
    }

    @Test
    void aWorkerWhoseClockRunsTwoLeasesBehindDoesNotWriteOnALeaseItCouldNotRenew()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        WorkItemRunner behind = skewedRunner("worker-slow", LEASE.multipliedBy(2).negated());
        script.add(context -> {
            // no periodic renewal falls due, but less than a renewal period of the lease is left when the store goes away
            clock.tick(LEASE.minus(LEASE.dividedBy(4)));
            storeCut = true;
            return row(context);
        });
        TestingDelivery delivery = TestingDelivery.of(item);

        behind.handle(delivery);
        assertThat(warehouse.countPartition(SYNTHETIC, DAY)).as("a lease it cannot prove is not written under, whatever its clock says").isZero();
        assertThat(delivery.settled()).isNotEqualTo(Optional.of(ACK));
    }

    @Test
    void aClaimThatFindsTheStoreOutOfReachLeavesTheMessageWaitingWithoutAnError()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        storeCut = true;
        TestingDelivery delivery = TestingDelivery.of(item);

        assertThat(runner.handle(delivery)).isEqualTo(Outcome.DEFERRED);
        assertThat(delivery.settled()).contains(DEFER);
        storeCut = false;
        assertThat(record(item).state()).isEqualTo(DateState.QUEUED);
        assertThat(record(item).attempts()).isZero();
    }

    @Test
    void anAttemptWhoseSuccessorAlreadyWroteDoesNotOverwriteIt()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        script.add(context -> {
            clock.tick(LEASE.plusSeconds(1));
            // the successor claims, runs and writes before this attempt gets to its write
            ClaimResult.Claimed successor = (ClaimResult.Claimed) stateStore.claim(item, "worker-b", LEASE, 10);
            warehouse.replacePartition(SYNTHETIC, DAY, List.of(syntheticRow("worker-b", 2)),
                    new dev.backfillfleet.warehouse.WriteToken("run-1", "worker-b", 2, successor.lease().startedAt(), 1));
            return row(context);
        });

        assertThat(runner.handle(TestingDelivery.of(item))).isEqualTo(Outcome.LEASE_LOST);
        assertThat(warehouse.read(SYNTHETIC, dev.backfillfleet.domain.DateRange.single(DAY))).extracting(row -> row.get("worker_id"))
                .containsExactly("worker-b");
    }

    @Test
    void aLeaseWithTimeLeftIsProvedForTheWriteByReadingItsRecordNotByARenewal()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        script.add(context -> row(context));

        assertThat(runner.handle(TestingDelivery.of(item))).isEqualTo(Outcome.SUCCEEDED);
        assertThat(stateStoreCalls).as("claim, one read of the record, complete").containsEntry("claim", 1).containsEntry("get", 1)
                .doesNotContainKey("heartbeat");
    }

    @Test
    void aLeaseShortOfTimeIsRenewedBeforeTheWrite()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        script.add(context -> {
            // the clock moves on without a periodic renewal falling due: less than a renewal period is left
            clock.tick(LEASE.minus(LEASE.dividedBy(4)));
            return row(context);
        });

        assertThat(runner.handle(TestingDelivery.of(item))).isEqualTo(Outcome.SUCCEEDED);
        assertThat(stateStoreCalls).containsEntry("heartbeat", 1).doesNotContainKey("get");
        assertThat(warehouse.countPartition(SYNTHETIC, DAY)).isEqualTo(1);
    }

    @Test
    void aTransientFailureThatPassesIsRetriedInProcess()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        script.add(context -> {
            throw FleetException.transientFailure("backend hiccup", null);
        });
        script.add(context -> row(context));

        assertThat(runner.handle(TestingDelivery.of(item))).isEqualTo(Outcome.SUCCEEDED);
        assertThat(record(item).attempts()).as("one claim, two tries inside it").isEqualTo(1);
    }

    @Test
    void aTransientFailureThatLastsIsReleasedThenFailsWhenItsAttemptsAreUsedUp()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        for (int attempt = 1; attempt <= 3; attempt++) {
            script.add(context -> {
                throw FleetException.transientFailure("backend down", null);
            });
            script.add(context -> {
                throw FleetException.transientFailure("backend down", null);
            });
            TestingDelivery delivery = new TestingDelivery(item, attempt, attempt - 1);
            assertThat(runner.handle(delivery)).isEqualTo(Outcome.RELEASED);
            assertThat(delivery.settled()).contains(RELEASE);
            assertThat(record(item).state()).isEqualTo(DateState.QUEUED);
        }
        TestingDelivery last = new TestingDelivery(item, 4, 3);
        assertThat(runner.handle(last)).isEqualTo(Outcome.FAILED);
        assertThat(last.settled()).contains(ACK);
        DateRecord failed = record(item);
        assertThat(failed.state()).isEqualTo(DateState.FAILED);
        assertThat(failed.errorMessage().orElseThrow()).isEqualTo("gave up after 3 attempts; the last: backend down");
    }

    @Test
    void deferralDelaysGrowWithEachDeferralUpToTheBound()
    {
        queued(AnalyticsTable.TEAM_OFFENSE, DAY);
        WorkItem item = queued(AnalyticsTable.PLAYER_SUMMARY, DAY);
        long previous = 0;
        for (int deferrals = 0; deferrals < 10; deferrals++) {
            TestingDelivery delivery = new TestingDelivery(item, deferrals + 1, deferrals);
            runner.handle(delivery);
            long delay = delivery.delay().toMillis();
            // base 1 s doubled per deferral, at most 60 s, jitter takes off up to half
            long grown = Math.min(60_000, 1_000L << deferrals);
            assertThat(delay).isBetween(Math.max(1_000, grown / 2), grown);
            if (grown < 60_000) {
                assertThat(delay).as("deferral %d waits longer than the first deferral's longest", deferrals).isGreaterThanOrEqualTo(previous / 4);
            }
            previous = delay;
        }
    }

    @Test
    void aDuplicateDeliveryOfADoneDateIsAckedWithoutWork()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        script.add(context -> row(context));
        runner.handle(TestingDelivery.of(item));

        TestingDelivery duplicate = TestingDelivery.of(item);
        assertThat(runner.handle(duplicate)).isEqualTo(Outcome.SKIPPED);
        assertThat(duplicate.settled()).contains(ACK);
        assertThat(record(item).attempts()).isEqualTo(1);
    }

    @Test
    void aShutdownDuringARunGivesTheDateBackWithoutUsingAnAttempt()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        script.add(context -> {
            // SIGTERM arrives and the grace period runs out while the date runs
            assertThat(runner.stopAll("shutdown")).isEqualTo(1);
            return row(context);
        });
        TestingDelivery delivery = TestingDelivery.of(item);

        assertThat(runner.handle(delivery)).isEqualTo(Outcome.GIVEN_BACK);
        assertThat(delivery.settled()).contains(DEFER);
        DateRecord given = record(item);
        assertThat(given.state()).isEqualTo(DateState.QUEUED);
        assertThat(given.attemptsUsed()).as("a shutdown is not the date's fault").isZero();
        assertThat(warehouse.countPartition(SYNTHETIC, DAY)).isZero();

        TestingDelivery later = TestingDelivery.of(item);
        assertThat(runner.handle(later)).as("a stopping worker takes on no new date").isEqualTo(Outcome.GIVEN_BACK);
        assertThat(record(item).attempts()).as("not even claimed").isEqualTo(1);
    }

    @Test
    void aBrokenEnvironmentGivesTheDateBackAndStopsTheWorkerWithoutFailingIt()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        script.add(context -> {
            throw FleetException.environment("BigQuery table p.nba_analytics.synthetic does not exist: create it with 'coordinator setup'", null);
        });
        TestingDelivery delivery = TestingDelivery.of(item);

        assertThat(runner.handle(delivery)).isEqualTo(Outcome.GIVEN_BACK);
        assertThat(delivery.settled()).contains(DEFER);
        assertThat(record(item).state()).isEqualTo(DateState.QUEUED);
        assertThat(record(item).attemptsUsed()).isZero();
        assertThat(fatal).singleElement().satisfies(failure -> assertThat(failure.getMessage()).contains("does not exist"));
    }

    @Test
    void aCancelledDatesDeliveryIsAckedWithoutWork()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        stateStore.cancel(List.of(item.key()), CancelRequest.WHEN_ATTEMPT_ENDS);
        TestingDelivery delivery = TestingDelivery.of(item);

        assertThat(runner.handle(delivery)).isEqualTo(Outcome.CANCELLED);
        assertThat(delivery.settled()).contains(ACK);
        assertThat(record(item).state()).isEqualTo(DateState.CANCELLED);
        assertThat(record(item).attempts()).as("never claimed").isZero();
    }

    @Test
    void aDateCancelledWhileItRunsFinishesAndItsResultStands()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        script.add(context -> {
            stateStore.cancel(List.of(item.key()), CancelRequest.WHEN_ATTEMPT_ENDS);
            scheduler.advance(LEASE.dividedBy(3));
            assertThat(Thread.currentThread().isInterrupted()).as("a plain cancel does not interrupt").isFalse();
            return row(context);
        });

        assertThat(runner.handle(TestingDelivery.of(item))).isEqualTo(Outcome.SUCCEEDED);
        assertThat(record(item).state()).isEqualTo(DateState.SUCCEEDED);
        assertThat(warehouse.countPartition(SYNTHETIC, DAY)).isEqualTo(1);
    }

    @Test
    void cancelNowStopsTheRunningDateAtItsNextRenewalAndLeavesThePreviousPartition()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        script.add(context -> row(context));
        runner.handle(TestingDelivery.of(item));
        List<Row> previous = warehouse.read(SYNTHETIC, dev.backfillfleet.domain.DateRange.single(DAY));
        stateStore.enqueue(List.of(item.key()), "run-2", EnqueuePolicy.FORCE);
        script.add(context -> {
            stateStore.cancel(List.of(item.key()), CancelRequest.NOW);
            scheduler.advance(LEASE.dividedBy(3));
            assertThat(Thread.currentThread().isInterrupted()).as("the renewal that finds the cancel interrupts the work").isTrue();
            return row(context);
        });
        TestingDelivery delivery = TestingDelivery.of(item);

        assertThat(runner.handle(delivery)).isEqualTo(Outcome.CANCELLED);
        assertThat(delivery.settled()).contains(ACK);
        assertThat(record(item).state()).isEqualTo(DateState.CANCELLED);
        assertThat(warehouse.read(SYNTHETIC, dev.backfillfleet.domain.DateRange.single(DAY))).as("the previous partition, untouched").isEqualTo(previous);
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void cancelNowBetweenRenewalsIsCaughtByTheRenewalBeforeTheWrite()
    {
        WorkItem item = queued(AnalyticsTable.SYNTHETIC, DAY);
        script.add(context -> {
            // no periodic renewal falls due before the processor returns: the write's own renewal finds the cancel
            stateStore.cancel(List.of(item.key()), CancelRequest.NOW);
            return row(context);
        });

        assertThat(runner.handle(TestingDelivery.of(item))).isEqualTo(Outcome.CANCELLED);
        assertThat(record(item).state()).isEqualTo(DateState.CANCELLED);
        assertThat(warehouse.countPartition(SYNTHETIC, DAY)).as("nothing written").isZero();
    }

    @Test
    void aPausedTablesDeliveryIsAckedWithoutAnAttemptWhileOtherTablesRun()
    {
        pauses.pause(new TablePause(AnalyticsTable.SYNTHETIC, clock.instant(), "operator"));
        WorkItem paused = queued(AnalyticsTable.SYNTHETIC, DAY);
        TestingDelivery delivery = TestingDelivery.of(paused);

        assertThat(runner.handle(delivery)).isEqualTo(Outcome.PAUSED);
        assertThat(delivery.settled()).as("no slot held, no delivery attempt used").contains(ACK);
        assertThat(record(paused).state()).as("the date waits in the state store").isEqualTo(DateState.QUEUED);
        assertThat(record(paused).attempts()).isZero();

        WorkItem team = queued(AnalyticsTable.TEAM_OFFENSE, DAY);
        stateStore.complete(((ClaimResult.Claimed) stateStore.claim(team, "other", LEASE, 10)).lease(),
                new dev.backfillfleet.state.Completion(DateState.SUCCEEDED, 1, 1, Duration.ZERO));
        WorkItem other = queued(AnalyticsTable.PLAYER_SUMMARY, DAY);
        script.add(context -> ProcessorOutput.withoutGames());
        assertThat(runner.handle(TestingDelivery.of(other))).as("another table goes on").isEqualTo(Outcome.NO_GAMES);
    }

    @Test
    void aPauseReachesTheWorkerWithinSecondsAndAResumeAtOnce()
    {
        WorkItem first = queued(AnalyticsTable.SYNTHETIC, DAY);
        script.add(context -> row(context));
        assertThat(runner.handle(TestingDelivery.of(first))).isEqualTo(Outcome.SUCCEEDED);

        pauses.pause(new TablePause(AnalyticsTable.SYNTHETIC, clock.instant(), "operator"));
        clock.tick(PAUSE_SEEN_WITHIN);
        WorkItem second = queued(AnalyticsTable.SYNTHETIC, DAY.plusDays(1));
        assertThat(runner.handle(TestingDelivery.of(second))).as("seen once the worker's view is %s old", PAUSE_SEEN_WITHIN)
                .isEqualTo(Outcome.PAUSED);

        pauses.resume(AnalyticsTable.SYNTHETIC);
        script.add(context -> ProcessorOutput.withoutGames());
        assertThat(runner.handle(TestingDelivery.of(second))).as("a paused view is read again before the worker acts on it")
                .isEqualTo(Outcome.NO_GAMES);
    }

    private WorkItem queued(AnalyticsTable table, LocalDate date)
    {
        stateStore.enqueue(List.of(new DateKey(table, date)), "run-1", EnqueuePolicy.NORMAL);
        return new WorkItem(table, date, "run-1");
    }

    private DateRecord record(WorkItem item)
    {
        return stateStore.get(item.key()).orElseThrow();
    }

    private long reads(AnalyticsTable table, WorkerStats.StateRead reason)
    {
        return stats.stateReads().getOrDefault(table, Map.of()).getOrDefault(reason, 0L);
    }

    private ProcessorOutput row(ProcessingContext context)
    {
        return ProcessorOutput.of(List.of(syntheticRow(context.workerId(), context.attempt())), Map.of(DAY.toString(), 1L));
    }

    private Row syntheticRow(String workerId, int attempt)
    {
        return RowHash.stamp(AnalyticsSchemas.synthetic(), Row.builder()
                .set("game_date", DAY)
                .set("run_id", "run-1")
                .set("worker_id", workerId)
                .set("attempt", (long) attempt)
                .set("processed_at", clock.instant())
                .build());
    }

    /** A processor whose every call runs the next step of the test's script. */
    private final class ScriptedProcessor
            implements TableProcessor
    {
        private final AnalyticsTable table;

        ScriptedProcessor(AnalyticsTable table)
        {
            this.table = table;
        }

        @Override
        public AnalyticsTable table()
        {
            return table;
        }

        @Override
        public ProcessorOutput process(LocalDate date, ProcessingContext context)
        {
            Function<ProcessingContext, ProcessorOutput> step = Optional.ofNullable(script.poll())
                    .orElseThrow(() -> new AssertionError("the script has no step left for " + table + " " + date));
            return step.apply(context);
        }
    }
}
