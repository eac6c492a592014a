package dev.backfillfleet.e2e;

import dev.backfillfleet.catalog.BuiltInTables;
import dev.backfillfleet.coordinator.CoordinatorCli;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.worker.WorkerMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL chaos over a hundred days of all five tables (about 590 dates with the upstream
 * tables' lead): three worker processes, one killed at random every few seconds and replaced,
 * until every date is done. Then every partition is checked row by row: as many rows as the
 * state record says were written and expected, no duplicate keys, and every row written by the
 * attempt that the record says succeeded (its processed_at within that attempt's run).
 */
class TestChaos
{
    private static final DateRange RANGE = DateRange.of(LocalDate.parse("2024-11-01"), LocalDate.parse("2025-02-08"));
    private static final Map<AnalyticsTable, List<String>> KEYS = Map.of(
            AnalyticsTable.TEAM_OFFENSE, List.of("game_id", "team_abbr"),
            AnalyticsTable.TEAM_DEFENSE, List.of("game_id", "defending_team_abbr"),
            AnalyticsTable.PLAYER_SUMMARY, List.of("game_id", "player_lookup"),
            AnalyticsTable.UPCOMING_PLAYER, List.of("game_id", "player_lookup"),
            AnalyticsTable.UPCOMING_TEAM, List.of("game_id", "team_abbr"));

    @TempDir
    Path home;

    @Test
    void sigkillChaosOverAllFiveTablesLeavesEveryPartitionExactlyRight()
            throws Exception
    {
        CoordinatorCli cli = StandaloneCli.at(home);
        assertThat(cli.run("demo-data").exitCode()).isZero();
        assertThat(cli.run("enqueue", "--table", "all", "--range", RANGE.toString()).exitCode()).isZero();
        Map<String, String> environment = Map.of("BACKFILL_HOME", home.toString(), "BACKFILL_LEASE_SECONDS", "3", "BACKFILL_ACK_DEADLINE_SECONDS", "3",
                "BACKFILL_DEPENDENCY_DELAY_MILLIS", "200", "BACKFILL_MAX_DEFER_SECONDS", "2");
        List<Process> workers = new ArrayList<>();
        int started = 0;
        for (; started < 3; started++) {
            workers.add(worker(environment, started));
        }
        Random random = new Random(42);
        int kills = 0;
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!allDone()) {
                assertThat(System.nanoTime()).as("every date done within 5 minutes of chaos").isLessThan(deadline);
                Thread.sleep(2_500);
                if (kills < 6) {
                    Process victim = workers.remove(random.nextInt(workers.size()));
                    victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                    kills++;
                    workers.add(worker(environment, started++));
                }
            }
        }
        finally {
            workers.forEach(Process::destroy);
            for (Process worker : workers) {
                worker.waitFor(30, TimeUnit.SECONDS);
            }
        }
        System.out.println("e2e: TestChaos: " + kills + " workers SIGKILLed, " + started + " started");
        checkEveryPartition();
    }

    private Process worker(Map<String, String> environment, int number)
            throws Exception
    {
        return JavaProcesses.start(WorkerMain.class, environment, home.resolve("worker-" + number + ".log"), "--concurrency", "4");
    }

    private boolean allDone()
    {
        try (TransitioningStateStore store = new TransitioningStateStore(SqliteStateStorage.openReadOnly(home.resolve("state.db"), Clock.systemUTC()))) {
            for (AnalyticsTable table : BuiltInTables.analyticsTables()) {
                Map<DateState, Long> counts = store.countByState(table, Optional.empty());
                long notDone = counts.entrySet().stream().filter(entry -> !entry.getKey().isDone()).mapToLong(Map.Entry::getValue).sum();
                if (notDone > 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private void checkEveryPartition()
    {
        int dates = 0;
        try (TransitioningStateStore store = new TransitioningStateStore(SqliteStateStorage.openReadOnly(home.resolve("state.db"), Clock.systemUTC()));
                SqliteWarehouse warehouse = SqliteWarehouse.openReadOnly(home.resolve("warehouse.db"), SchemaCatalog.standard())) {
            for (AnalyticsTable table : BuiltInTables.analyticsTables()) {
                for (DateRecord record : store.list(table, Optional.empty(), Set.of())) {
                    dates++;
                    assertThat(record.state()).as("%s", record.key()).isIn(DateState.SUCCEEDED, DateState.NO_GAMES);
                    List<Row> rows = warehouse.read(AnalyticsSchemas.ref(table), DateRange.single(record.key().date()));
                    assertThat((long) rows.size()).as("rows of %s", record.key()).isEqualTo(record.rowsWritten().orElseThrow())
                            .isEqualTo(record.rowsExpected().orElseThrow());
                    Set<List<Object>> keys = new HashSet<>();
                    Instant started = record.startedAt().orElseThrow();
                    Instant finished = record.finishedAt().orElseThrow();
                    for (Row row : rows) {
                        List<Object> key = KEYS.get(table).stream().map(row::get).toList();
                        assertThat(keys.add(key)).as("duplicate key %s in %s", key, record.key()).isTrue();
                        Instant processedAt = (Instant) row.get("processed_at");
                        assertThat(processedAt).as("%s written by the attempt that succeeded (claimed %s, finished %s)", record.key(), started, finished)
                                .isBetween(started, finished);
                    }
                }
            }
        }
        assertThat(dates).as("dates checked").isGreaterThanOrEqualTo(500);
        System.out.println("e2e: TestChaos: " + dates + " partitions checked row by row");
    }
}
