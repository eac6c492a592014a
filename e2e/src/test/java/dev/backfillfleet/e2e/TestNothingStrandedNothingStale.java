package dev.backfillfleet.e2e;

import dev.backfillfleet.catalog.BuiltInTables;
import dev.backfillfleet.coordinator.CoordinatorCli;
import dev.backfillfleet.coordinator.plan.EnqueueRequest;
import dev.backfillfleet.coordinator.plan.Enqueuer;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.BackfillRun;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.embedded.SqliteDatabase;
import dev.backfillfleet.embedded.SqliteRunLog;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.embedded.SqliteWorkQueue;
import dev.backfillfleet.embedded.StateDatabase;
import dev.backfillfleet.queue.Delivery;
import dev.backfillfleet.queue.QueueConsumer;
import dev.backfillfleet.queue.QueueSettings;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.standalone.StandaloneMain;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.testing.Eventually;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.worker.WorkerMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guarantees the multi-process tests did not reach: an enqueue that dies or fails part-way is
 * finished by the same enqueue again, each date done exactly once; and a worker frozen past its
 * lease cannot overwrite the partition its successor wrote.
 */
class TestNothingStrandedNothingStale
{
    @TempDir
    Path home;

    @Test
    void anEnqueueKilledWithSigkillIsFinishedByTheSameEnqueueAndEveryDateRunsOnce()
            throws Exception
    {
        DateRange range = DateRange.of(LocalDate.parse("1970-01-01"), LocalDate.parse("1970-01-01").plusDays(19_999));
        Map<String, String> environment = Map.of("BACKFILL_HOME", home.toString(), "BACKFILL_SYNTHETIC_LATENCY_MS", "0");
        Process enqueue = JavaProcesses.start(StandaloneMain.class, environment, home.resolve("enqueue-1.log"),
                "enqueue", "--table", "synthetic", "--range", range.toString(), "--yes");
        long recorded = awaitRecorded(5_000, enqueue);
        enqueue.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        System.out.println("e2e: enqueue killed with " + recorded + "+ of 20,000 dates recorded and " + messages() + " messages published");

        Process again = JavaProcesses.start(StandaloneMain.class, environment, home.resolve("enqueue-2.log"),
                "enqueue", "--table", "synthetic", "--range", range.toString(), "--yes");
        assertThat(again.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(again.exitValue()).as(Files.readString(home.resolve("enqueue-2.log"))).isZero();

        Process worker = JavaProcesses.start(WorkerMain.class, environment, home.resolve("worker.log"),
                "--concurrency", "8", "--until-idle", "--idle-seconds", "2");
        assertThat(worker.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(worker.exitValue()).as(Files.readString(home.resolve("worker.log"))).isZero();
        assertEveryDateSucceededOnce(range);
    }

    @Test
    void aPublishThatFailsPartWaySaysSoAndTheSameEnqueueFinishesTheJob()
            throws Exception
    {
        DateRange range = DateRange.of(LocalDate.parse("2000-01-01"), LocalDate.parse("2000-01-01").plusDays(4_999));
        EnqueueRequest request = new EnqueueRequest(List.of(AnalyticsTable.SYNTHETIC), DateSelection.parse(range.toString()), EnqueuePolicy.NORMAL, BuiltInTables.catalog());
        try (TransitioningStateStore state = new TransitioningStateStore(SqliteStateStorage.open(home.resolve("state.db"), Clock.systemUTC()));
                SqliteDatabase stateFile = StateDatabase.open(home.resolve("state.db"));
                SqliteWorkQueue queue = SqliteWorkQueue.open(home.resolve("queue.db"), new QueueSettings(Duration.ofSeconds(20), 100), Clock.systemUTC())) {
            WorkQueue failing = new TestingFailingQueue(queue, 2);
            assertThatThrownBy(() -> new Enqueuer(state, new SqliteRunLog(stateFile), failing).enqueue(request, run("run-1", request)))
                    .isInstanceOf(FleetException.class)
                    .hasMessageContaining("published 2000 of 5000 messages")
                    .hasMessageContaining("run the same command again");
            assertThat(queue.backlog()).hasValue(2_000);
            assertThat(state.countByState(AnalyticsTable.SYNTHETIC, Optional.of(range))).containsEntry(DateState.QUEUED, 5_000L);

            new Enqueuer(state, new SqliteRunLog(stateFile), queue).enqueue(request, run("run-2", request));
            assertThat(queue.backlog()).as("every QUEUED date published again; 2,000 of them twice").hasValue(7_000);
        }
        Process worker = JavaProcesses.start(WorkerMain.class, Map.of("BACKFILL_HOME", home.toString(), "BACKFILL_SYNTHETIC_LATENCY_MS", "0"),
                home.resolve("worker.log"), "--concurrency", "8", "--until-idle", "--idle-seconds", "2");
        assertThat(worker.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertEveryDateSucceededOnce(range);
    }

    @Test
    void aWorkerFrozenPastItsLeaseNeverOverwritesItsSuccessor()
            throws Exception
    {
        DateRange range = DateRange.of(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-24"));
        Map<String, String> environment = Map.of(
                "BACKFILL_HOME", home.toString(),
                "BACKFILL_SYNTHETIC_LATENCY_MS", "1500",
                "BACKFILL_LEASE_SECONDS", "4",
                "BACKFILL_ACK_DEADLINE_SECONDS", "4");
        CoordinatorCli cli = StandaloneCli.at(home);
        assertThat(cli.run("enqueue", "--table", "synthetic", "--range", range.toString()).exitCode()).isZero();

        Process frozen = JavaProcesses.start(WorkerMain.class, environment, home.resolve("frozen.log"), "--concurrency", "4");
        List<DateRecord> held = awaitHeldBy(frozen, 4);
        signal("STOP", frozen);
        System.out.println("e2e: froze worker pid " + frozen.pid() + " holding " + held.stream().map(DateRecord::key).toList());
        Process successor = JavaProcesses.start(WorkerMain.class, environment, home.resolve("successor.log"), "--concurrency", "4");
        try {
            // the successor takes over the frozen worker's dates after their 4 s leases and finishes them
            awaitSucceeded(range, held);
            signal("CONT", frozen);
            awaitAllSucceeded(range);
            // the thawed worker meets its lost leases: wait until it has given up each of its attempts
            awaitDiscarded(held);
        }
        finally {
            frozen.destroy();
            successor.destroy();
            frozen.waitFor(30, TimeUnit.SECONDS);
            successor.waitFor(30, TimeUnit.SECONDS);
        }
        Map<LocalDate, DateRecord> records = records(range);
        try (SqliteWarehouse warehouse = SqliteWarehouse.open(home.resolve("warehouse.db"), SchemaCatalog.standard())) {
            for (Row row : warehouse.read(AnalyticsSchemas.ref(AnalyticsTable.SYNTHETIC), range)) {
                DateRecord record = records.get(row.getDate("game_date"));
                assertThat(record.state()).isEqualTo(DateState.SUCCEEDED);
                assertThat(row.get("attempt")).as("%s: the row is the succeeded attempt's", record.key()).isEqualTo((long) record.attempts());
            }
        }
        for (DateRecord was : held) {
            assertThat(records.get(was.key().date()).attempts()).as("taken over: %s", was.key()).isGreaterThan(was.attempts());
        }
    }

    @Test
    void aSigtermWithAGraceShorterThanTheDatesGivesThemBackAndExitsZero()
            throws Exception
    {
        DateRange range = DateRange.of(LocalDate.parse("2024-05-01"), LocalDate.parse("2024-05-08"));
        Map<String, String> environment = Map.of("BACKFILL_HOME", home.toString(), "BACKFILL_SYNTHETIC_LATENCY_MS", "20000");
        assertThat(StandaloneCli.at(home).run("enqueue", "--table", "synthetic", "--range", range.toString()).exitCode()).isZero();
        Process worker = JavaProcesses.start(WorkerMain.class, environment, home.resolve("worker.log"), "--concurrency", "4", "--grace-seconds", "1");
        List<DateRecord> held = awaitHeldBy(worker, 4);
        long signalled = System.nanoTime();
        worker.destroy();
        assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        System.out.println("e2e: SIGTERM with a 1 s grace: exit " + worker.exitValue() + " after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled) + " ms");
        assertThat(worker.exitValue()).as(Files.readString(home.resolve("worker.log"))).isZero();

        Map<LocalDate, DateRecord> records = records(range);
        for (DateRecord was : held) {
            DateRecord now = records.get(was.key().date());
            assertThat(now.state()).as("given back: %s", was.key()).isEqualTo(DateState.QUEUED);
            assertThat(now.attemptsUsed()).as("a shutdown uses no attempt: %s", was.key()).isZero();
        }
        assertThat(messages()).as("every date still has its message").isEqualTo(range.size());
    }

    /**
     * Cloud Run's budget, the worker's default: SIGKILL 10 s after SIGTERM. The date would finish
     * in the last second of that (9.5 s after its claim, SIGTERM right after the claim), past the
     * grace the budget leaves for finishing: it is given back (QUEUED, no attempt used, its
     * message visible at once: a second worker that stops 3 s after the queue empties runs it,
     * well before its 20 s ack deadline would have returned it) and the process has exited
     * within the 10 s.
     */
    @Test
    void aSigtermWithADateDueInThePlatformsLastSecondExitsWithinItsGraceWithTheDateGivenBack()
            throws Exception
    {
        DateRange range = DateRange.of(LocalDate.parse("2024-06-01"), LocalDate.parse("2024-06-01"));
        assertThat(StandaloneCli.at(home).run("enqueue", "--table", "synthetic", "--range", range.toString()).exitCode()).isZero();
        Process worker = JavaProcesses.start(WorkerMain.class, Map.of("BACKFILL_HOME", home.toString(), "BACKFILL_SYNTHETIC_LATENCY_MS", "9500"),
                home.resolve("worker.log"), "--concurrency", "1", "--shutdown-seconds", "10");
        DateRecord held = awaitHeldBy(worker, 1).get(0);
        long signalled = System.nanoTime();
        worker.destroy();
        assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long exitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
        System.out.println("e2e: SIGTERM within Cloud Run's 10 s, the date due at 9.5 s: exit " + worker.exitValue() + " after " + exitedMillis + " ms");
        String log = Files.readString(home.resolve("worker.log"));
        assertThat(exitedMillis).as("exited within the platform's 10 s grace: %s", log).isLessThan(10_000);
        assertThat(worker.exitValue()).as(log).isZero();

        DateRecord now = records(range).get(held.key().date());
        assertThat(now.state()).as("given back: %s", log).isEqualTo(DateState.QUEUED);
        assertThat(now.attemptsUsed()).as("a shutdown uses no attempt").isZero();
        assertThat(now.givenBack()).isEqualTo(1);
        assertThat(messages()).as("the date still has its message").isEqualTo(1);

        Process next = JavaProcesses.start(WorkerMain.class, Map.of("BACKFILL_HOME", home.toString(), "BACKFILL_SYNTHETIC_LATENCY_MS", "0"),
                home.resolve("worker-2.log"), "--until-idle", "--idle-seconds", "3");
        assertThat(next.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(records(range).get(held.key().date()).state()).as("the returned message ran: %s", Files.readString(home.resolve("worker-2.log")))
                .isEqualTo(DateState.SUCCEEDED);
    }

    private void assertEveryDateSucceededOnce(DateRange range)
    {
        Map<LocalDate, DateRecord> records = records(range);
        assertThat(records).hasSize(range.size());
        assertThat(records.values()).allSatisfy(record -> {
            assertThat(record.state()).isEqualTo(DateState.SUCCEEDED);
            assertThat(record.attempts()).as("run once: %s", record.key()).isEqualTo(1);
        });
        try (SqliteWarehouse warehouse = SqliteWarehouse.open(home.resolve("warehouse.db"), SchemaCatalog.standard())) {
            assertThat(warehouse.read(AnalyticsSchemas.ref(AnalyticsTable.SYNTHETIC), range)).hasSize(range.size());
        }
    }

    private Map<LocalDate, DateRecord> records(DateRange range)
    {
        try (TransitioningStateStore store = new TransitioningStateStore(SqliteStateStorage.openReadOnly(home.resolve("state.db"), Clock.systemUTC()))) {
            return store.list(AnalyticsTable.SYNTHETIC, Optional.of(range), Set.of()).stream()
                    .collect(Collectors.toMap(record -> record.key().date(), record -> record));
        }
    }

    /** Looks every 5 ms: the enqueue is to be killed in the middle of its work. */
    private long awaitRecorded(long count, Process enqueue)
    {
        return Eventually.get("the enqueue to record " + count + " dates", Duration.ofMinutes(1), Duration.ofMillis(5), () -> {
            assertThat(enqueue.isAlive()).as("the enqueue still running before it recorded %d dates", count).isTrue();
            if (!Files.exists(home.resolve("state.db"))) {
                return Optional.empty();
            }
            try (TransitioningStateStore store = new TransitioningStateStore(SqliteStateStorage.openReadOnly(home.resolve("state.db"), Clock.systemUTC()))) {
                long recorded = store.countByState(AnalyticsTable.SYNTHETIC, Optional.empty()).values().stream().mapToLong(Long::longValue).sum();
                return Optional.of(recorded).filter(found -> found >= count);
            }
            catch (RuntimeException e) {
                // the file is being created
                return Optional.empty();
            }
        });
    }

    private long messages()
    {
        try (SqliteWorkQueue queue = SqliteWorkQueue.openReadOnly(home.resolve("queue.db"), new QueueSettings(Duration.ofSeconds(20), 100), Clock.systemUTC())) {
            return queue.backlog().orElse(0);
        }
    }

    private List<DateRecord> awaitHeldBy(Process worker, int count)
    {
        String pid = "-" + worker.pid() + "-";
        return Eventually.get("worker " + worker.pid() + " to hold " + count + " dates", Duration.ofMinutes(1), Duration.ofMillis(20), () -> {
            try (TransitioningStateStore store = new TransitioningStateStore(SqliteStateStorage.openReadOnly(home.resolve("state.db"), Clock.systemUTC()))) {
                List<DateRecord> held = store.list(AnalyticsTable.SYNTHETIC, Optional.empty(), Set.of(DateState.RUNNING)).stream()
                        .filter(record -> record.leaseOwner().filter(owner -> owner.contains(pid)).isPresent())
                        .toList();
                return Optional.of(held).filter(found -> found.size() >= count);
            }
        });
    }

    /**
     * The thawed worker's word that each of its attempts ended with nothing written: the lease
     * proved lost (or the write refused as stale), so its result is thrown away. Once it has said
     * so for every date it held, none of its writes is still to come.
     */
    private void awaitDiscarded(List<DateRecord> held)
    {
        Path log = home.resolve("frozen.log");
        Eventually.await("the thawed worker to discard its " + held.size() + " attempts", Duration.ofMinutes(1), Duration.ofMillis(100),
                () -> held.stream().allMatch(record -> logged(log, "synthetic " + record.key().date() + ": ", "this attempt's result is discarded")),
                () -> read(log));
    }

    private static boolean logged(Path log, String prefix, String text)
    {
        return read(log).lines().anyMatch(line -> line.contains(prefix) && line.contains(text));
    }

    private static String read(Path file)
    {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void awaitSucceeded(DateRange range, List<DateRecord> dates)
    {
        Eventually.await("the successor to finish the frozen worker's dates", Duration.ofMinutes(2), Duration.ofMillis(100),
                () -> dates.stream().allMatch(date -> records(range).get(date.key().date()).state() == DateState.SUCCEEDED));
    }

    private void awaitAllSucceeded(DateRange range)
    {
        Eventually.await("every date SUCCEEDED", Duration.ofMinutes(2), Duration.ofMillis(100),
                () -> records(range).values().stream().filter(record -> record.state() == DateState.SUCCEEDED).count() == range.size());
    }

    private static void signal(String signal, Process process)
            throws Exception
    {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    /** A queue whose publish fails after {@code batchesBeforeFailing} batches, as a network or a quota would. */
    private static final class TestingFailingQueue
            implements WorkQueue
    {
        private final WorkQueue delegate;
        private final int batchesBeforeFailing;
        private final AtomicInteger batches = new AtomicInteger();

        TestingFailingQueue(WorkQueue delegate, int batchesBeforeFailing)
        {
            this.delegate = delegate;
            this.batchesBeforeFailing = batchesBeforeFailing;
        }

        @Override
        public void publish(List<WorkItem> items)
        {
            if (batches.incrementAndGet() > batchesBeforeFailing) {
                throw FleetException.transientFailure("pubsub publish failed (UNAVAILABLE): connection reset", null);
            }
            delegate.publish(items);
        }

        @Override
        public QueueConsumer subscribe(int maxOutstanding, Consumer<Delivery> handler, Consumer<FleetException> onFailure)
        {
            return delegate.subscribe(maxOutstanding, handler, onFailure);
        }

        @Override
        public QueueConsumer subscribeDeadLetters(Consumer<dev.backfillfleet.queue.DeadLetter> handler)
        {
            return delegate.subscribeDeadLetters(handler);
        }

        @Override
        public OptionalLong backlog()
        {
            return delegate.backlog();
        }
    }

    private static BackfillRun run(String id, EnqueueRequest request)
    {
        return new BackfillRun(id, Instant.now(), "test", "enqueue", request.tables(), request.dates().toString(), request.keys().size());
    }
}
