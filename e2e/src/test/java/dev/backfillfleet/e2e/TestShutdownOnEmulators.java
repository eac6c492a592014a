package dev.backfillfleet.e2e;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.testing.Eventually;
import dev.backfillfleet.worker.WorkerMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drain within Cloud Run's 10 s on the production clients (issue 20, item 10): a worker on the
 * Pub/Sub and Firestore emulators, SIGTERMed right after it claimed a date that would finish 9.5 s
 * later, in the last second before the platform's SIGKILL. It gives the date back (QUEUED, no
 * attempt used), returns its message, closes its subscriber, publishers and clients, and has
 * exited within the 10 s; a second worker runs the date long before the message's 60 s ack
 * deadline could have returned it.
 */
class TestShutdownOnEmulators
{
    private static final String PROJECT = "backfill-fleet-shutdown";
    private static final LocalDate DAY = LocalDate.parse("2024-06-01");

    @TempDir
    Path home;

    @Test
    void aSigtermedWorkerExitsWithinCloudRunsGraceWithItsDateGivenBack()
            throws Exception
    {
        EmulatorFleet fleet = EmulatorFleet.require("TestShutdownOnEmulators", PROJECT, "shutdown");
        Map<String, String> environment = fleet.environment(home);
        environment.putAll(Map.of(
                "BACKFILL_ACK_DEADLINE_SECONDS", "60",
                "BACKFILL_PUBSUB_PULL_MODE", "unary"));

        JavaProcesses.coordinatorSucceeds(environment, home.resolve("setup.log"), "setup");
        JavaProcesses.coordinatorSucceeds(environment, home.resolve("enqueue.log"), "enqueue", "--table", "synthetic", "--range", DAY + ".." + DAY);

        Map<String, String> slow = new HashMap<>(environment);
        slow.put("BACKFILL_SYNTHETIC_LATENCY_MS", "9500");
        Process worker = JavaProcesses.start(WorkerMain.class, slow, home.resolve("worker.log"), "--concurrency", "1", "--shutdown-seconds", "10");
        DateKey key = new DateKey(AnalyticsTable.SYNTHETIC, DAY);
        try (TransitioningStateStore store = fleet.stateStore()) {
            Eventually.await("the worker to claim " + key, Duration.ofMinutes(1), Duration.ofMillis(20),
                    () -> store.get(key).map(DateRecord::state).equals(Optional.of(DateState.RUNNING)));
            long signalled = System.nanoTime();
            worker.destroy();
            assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long exitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
            String log = Files.readString(home.resolve("worker.log"));
            System.out.println("e2e: SIGTERM on the emulators, the date due at 9.5 s: exit " + worker.exitValue() + " after " + exitedMillis + " ms");
            assertThat(exitedMillis).as("exited within Cloud Run's 10 s: %s", log).isLessThan(10_000);
            assertThat(worker.exitValue()).as(log).isZero();

            DateRecord givenBack = store.get(key).orElseThrow();
            assertThat(givenBack.state()).as("given back: %s", log).isEqualTo(DateState.QUEUED);
            assertThat(givenBack.attemptsUsed()).as("a shutdown uses no attempt").isZero();

            long restarted = System.nanoTime();
            Process next = JavaProcesses.start(WorkerMain.class, environment, home.resolve("worker-2.log"), "--concurrency", "1");
            try {
                Eventually.await(key + " to succeed on the second worker", Duration.ofSeconds(50), Duration.ofMillis(100),
                        () -> store.get(key).map(DateRecord::state).equals(Optional.of(DateState.SUCCEEDED)));
            }
            finally {
                next.destroy();
                next.waitFor(1, TimeUnit.MINUTES);
                keepLogs();
            }
            System.out.println("e2e: the given-back message ran " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted) + " ms after the second worker started");
        }
    }

    private void keepLogs()
            throws IOException
    {
        Path kept = Path.of("target", "e2e-logs", "shutdown");
        Files.createDirectories(kept);
        try (var logs = Files.newDirectoryStream(home, "*.log")) {
            for (Path log : logs) {
                Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
