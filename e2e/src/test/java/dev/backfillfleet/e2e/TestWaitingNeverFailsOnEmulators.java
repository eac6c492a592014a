package dev.backfillfleet.e2e;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waiting never fails a date (issue 20, item 5), on the official Pub/Sub and Firestore emulators
 * with two worker processes: a SQL table of the user's that needs the same date of
 * {@code synthetic}, whose dates run one at a time for 2.5 s each, while the subscription
 * dead-letters a message after 5 deliveries and a waiting date's message comes back within 1 s.
 * The last upstream date finishes about 15 s in, long after the dependent dates' messages have run
 * out of deliveries: their dead letters are published again, every date succeeds, none ends
 * FAILED, and waiting used no attempt (each date ran once).
 */
class TestWaitingNeverFailsOnEmulators
{
    private static final String PROJECT = "backfill-fleet-waiting";
    private static final DateRange DAYS = DateRange.of(LocalDate.parse("2024-11-01"), LocalDate.parse("2024-11-06"));
    private static final AnalyticsTable DOWNSTREAM = new AnalyticsTable("synthetic_echo");
    private static final String CATALOG = """
            tables:
              synthetic_echo:
                columns:
                  game_date: DATE REQUIRED
                  written_by: STRING REQUIRED
                depends_on:
                  synthetic: [0, 0]
                sql: |
                  SELECT @date AS game_date, worker_id AS written_by FROM {{synthetic}} WHERE game_date = @date
            """;
    private static final Pattern PUBLISHED_AGAIN = Pattern.compile("synthetic_echo (\\d{4}-\\d{2}-\\d{2}) still needs running after (\\d+) deliveries");

    @TempDir
    Path home;

    @Test
    void datesWaitingPastTheDeadLetterBoundAllSucceed()
            throws Exception
    {
        EmulatorFleet fleet = EmulatorFleet.require("TestWaitingNeverFailsOnEmulators", PROJECT, "waiting");
        Map<String, String> environment = fleet.environment(home);
        environment.putAll(Map.of(
                // the lowest dead-letter bound Pub/Sub allows, and short waits: a dependent date runs out of deliveries in seconds
                "BACKFILL_MAX_DELIVERY_ATTEMPTS", "5",
                "BACKFILL_DEPENDENCY_DELAY_MILLIS", "200",
                "BACKFILL_MAX_DEFER_SECONDS", "1",
                "BACKFILL_PUBSUB_RETRY_MIN_BACKOFF_SECONDS", "0",
                // upstream dates one at a time, 2.5 s each: the last is done about 15 s after the start
                "BACKFILL_SYNTHETIC_LATENCY_MS", "2500",
                "BACKFILL_TABLE_CONCURRENCY", "1",
                "BACKFILL_ACK_DEADLINE_SECONDS", "10",
                "BACKFILL_PUBSUB_PULL_MODE", "unary"));

        JavaProcesses.coordinatorSucceeds(environment, home.resolve("setup.log"), "setup");
        Path catalog = home.resolve("tables.yaml");
        Files.writeString(catalog, CATALOG);
        JavaProcesses.coordinatorSucceeds(environment, home.resolve("tables.log"), "tables", "apply", catalog.toString());
        JavaProcesses.coordinatorSucceeds(environment, home.resolve("enqueue.log"), "enqueue", "--table", "synthetic," + DOWNSTREAM.tableName(), "--range", DAYS.toString());

        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            workers.add(JavaProcesses.start(WorkerMain.class, environment, home.resolve("worker-" + i + ".log"), "--concurrency", "3"));
        }
        try (TransitioningStateStore store = fleet.stateStore()) {
            Eventually.await("every date ended", Duration.ofMinutes(3), Duration.ofMillis(500),
                    () -> ended(store, AnalyticsTable.SYNTHETIC) + ended(store, DOWNSTREAM) == 2L * DAYS.size(),
                    () -> store.countByState(AnalyticsTable.SYNTHETIC, Optional.of(DAYS)) + " " + store.countByState(DOWNSTREAM, Optional.of(DAYS)));

            for (AnalyticsTable table : List.of(AnalyticsTable.SYNTHETIC, DOWNSTREAM)) {
                List<DateRecord> records = store.list(table, Optional.of(DAYS), Set.of());
                assertThat(records).as(table.tableName()).hasSize(DAYS.size())
                        .allSatisfy(record -> assertThat(record.state()).as("%s: %s", record.key(), record.errorMessage().orElse("")).isEqualTo(DateState.SUCCEEDED))
                        .allSatisfy(record -> assertThat(record.attemptsUsed()).as("%s ran once: waiting uses no attempt", record.key()).isEqualTo(1));
            }
        }
        finally {
            workers.forEach(Process::destroy);
            for (Process worker : workers) {
                worker.waitFor(1, TimeUnit.MINUTES);
            }
            keepLogs();
        }
        // the dependent dates did run out of deliveries on the way: what was proved is not a run too quick to test anything
        List<String> publishedAgain = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            Matcher matcher = PUBLISHED_AGAIN.matcher(Files.readString(home.resolve("worker-" + i + ".log")));
            while (matcher.find()) {
                publishedAgain.add(matcher.group(1));
                assertThat(Integer.parseInt(matcher.group(2))).as("dead-lettered after the subscription's 5 deliveries").isGreaterThanOrEqualTo(5);
            }
        }
        System.out.println("e2e: dead letters published again: " + publishedAgain);
        assertThat(publishedAgain).as("dependent dates dead-lettered while they waited").isNotEmpty();
    }

    private static long ended(TransitioningStateStore store, AnalyticsTable table)
    {
        Map<DateState, Long> counts = store.countByState(table, Optional.of(DAYS));
        return counts.entrySet().stream().filter(entry -> entry.getKey().isTerminal()).mapToLong(Map.Entry::getValue).sum();
    }

    /** The processes' logs outlive the temporary home, under target/e2e-logs/waiting, for diagnosis. */
    private void keepLogs()
            throws IOException
    {
        Path kept = Path.of("target", "e2e-logs", "waiting");
        Files.createDirectories(kept);
        try (var logs = Files.newDirectoryStream(home, "*.log")) {
            for (Path log : logs) {
                Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
