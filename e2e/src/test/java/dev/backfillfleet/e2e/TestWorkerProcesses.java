package dev.backfillfleet.e2e;

import dev.backfillfleet.coordinator.CoordinatorCli;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.standalone.StandaloneMain;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.testing.Eventually;
import dev.backfillfleet.worker.WorkerMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Real processes sharing one BACKFILL_HOME: what the embedded default promises on one machine. */
class TestWorkerProcesses
{
    private static final DateRange FIVE_HUNDRED_DATES = DateRange.of(LocalDate.parse("2020-01-01"), LocalDate.parse("2020-01-01").plusDays(499));

    @TempDir
    Path home;

    @Test
    void fourWorkerProcessesDrainFiveHundredDatesEachOnce()
            throws Exception
    {
        CoordinatorCli cli = StandaloneCli.at(home);
        assertThat(cli.run("enqueue", "--table", "synthetic", "--range", FIVE_HUNDRED_DATES.toString()).exitCode()).isZero();

        Map<String, String> environment = Map.of("BACKFILL_HOME", home.toString(), "BACKFILL_SYNTHETIC_LATENCY_MS", "10");
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workers.add(JavaProcesses.start(WorkerMain.class, environment, home.resolve("worker-" + i + ".log"),
                    "--concurrency", "8", "--until-idle", "--idle-seconds", "2"));
        }
        for (int i = 0; i < workers.size(); i++) {
            assertThat(workers.get(i).waitFor(3, TimeUnit.MINUTES)).as("worker %d finished", i).isTrue();
            assertThat(workers.get(i).exitValue()).as(Files.readString(home.resolve("worker-" + i + ".log"))).isZero();
        }

        List<DateRecord> records = records();
        assertThat(records).hasSize(500).allSatisfy(record -> {
            assertThat(record.state()).isEqualTo(DateState.SUCCEEDED);
            assertThat(record.attempts()).as("processed once: %s", record.key()).isEqualTo(1);
        });
        try (SqliteWarehouse warehouse = SqliteWarehouse.open(home.resolve("warehouse.db"), SchemaCatalog.standard())) {
            var rows = warehouse.read(AnalyticsSchemas.ref(AnalyticsTable.SYNTHETIC), FIVE_HUNDRED_DATES);
            assertThat(rows).hasSize(500);
            assertThat(rows.stream().map(row -> row.getString("worker_id")).distinct().count())
                    .as("work spread over the processes").isGreaterThan(1);
        }
    }

    @Test
    void runKilledHalfWayFinishesEveryUnfinishedDateWhenStartedAgain()
            throws Exception
    {
        DateRange range = DateRange.of(LocalDate.parse("2021-10-19"), LocalDate.parse("2022-04-10"));
        Map<String, String> environment = Map.of(
                "BACKFILL_HOME", home.toString(),
                "BACKFILL_SYNTHETIC_LATENCY_MS", "40",
                "BACKFILL_LEASE_SECONDS", "2",
                "BACKFILL_ACK_DEADLINE_SECONDS", "2");
        Process first = JavaProcesses.start(StandaloneMain.class, environment, home.resolve("run-1.log"),
                "run", "--table", "synthetic", "--range", range.toString(), "--workers", "4");
        awaitSucceeded(range.size() / 3, Duration.ofMinutes(2));
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long doneBeforeKill = records().stream().filter(record -> record.state() == DateState.SUCCEEDED).count();
        assertThat(doneBeforeKill).isLessThan(range.size());

        Process second = JavaProcesses.start(StandaloneMain.class, environment, home.resolve("run-2.log"),
                "run", "--table", "synthetic", "--range", range.toString(), "--workers", "4");
        assertThat(second.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(second.exitValue()).as(Files.readString(home.resolve("run-2.log"))).isZero();
        assertThat(records()).hasSize(range.size()).allSatisfy(record -> assertThat(record.state()).isEqualTo(DateState.SUCCEEDED));
    }

    private void awaitSucceeded(long count, Duration timeout)
    {
        Eventually.await(count + " dates succeeded", timeout, Duration.ofMillis(100),
                () -> Files.exists(home.resolve("state.db")) && records().stream().filter(record -> record.state() == DateState.SUCCEEDED).count() >= count);
    }

    private List<DateRecord> records()
    {
        try (TransitioningStateStore store = new TransitioningStateStore(SqliteStateStorage.open(home.resolve("state.db"), Clock.systemUTC()))) {
            return store.list(AnalyticsTable.SYNTHETIC, Optional.empty(), Set.of());
        }
    }
}
