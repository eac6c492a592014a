package dev.backfillfleet.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backfillfleet.bigquery.BigQuerySetup;
import dev.backfillfleet.bigquery.BigQueryWarehouse;
import dev.backfillfleet.bigquery.BigQueryWarehouseSettings;
import dev.backfillfleet.bigquery.TestingBigQueryServer;
import dev.backfillfleet.catalog.BuiltInTables;
import dev.backfillfleet.catalog.CatalogFileParser;
import dev.backfillfleet.catalog.Catalogs;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.embedded.SqliteCatalogStore;
import dev.backfillfleet.embedded.SqliteDatabase;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.embedded.SqliteTablePauses;
import dev.backfillfleet.embedded.StateDatabase;
import dev.backfillfleet.provision.Provisioning;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.support.Reachability;
import dev.backfillfleet.testing.Eventually;
import dev.backfillfleet.testing.TestingClock;
import dev.backfillfleet.warehouse.PartitionWriteGate;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.worker.command.CommandRunner;
import dev.backfillfleet.worker.processor.ProcessorRegistry;
import dev.backfillfleet.worker.processor.TableComputations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SQL table's date through the worker's runner onto BigQuery (the real client against the
 * local stand-in, which runs the SELECT): the write gate's permit is taken before the query job,
 * one per try, and while no permit is given no job reaches BigQuery, as for load jobs.
 */
class TestSqlTableWritesOnBigQuery
{
    private static final LocalDate DAY = LocalDate.parse("2024-11-05");
    private static final AnalyticsTable HOME_GAMES = new AnalyticsTable("home_games");
    private static final String JOBS_INSERT = "^/bigquery/v2/projects/[^/]+/jobs$";
    private static final String CATALOG = """
            tables:
              home_games:
                columns:
                  game_date: DATE REQUIRED
                  team_abbr: STRING REQUIRED
                  games: INT64 REQUIRED
                expected_rows: |
                  SELECT COUNT(DISTINCT home_team_tricode) FROM {{nba_raw.nbac_schedule}} WHERE game_date = @date
                sql: |
                  SELECT game_date, home_team_tricode AS team_abbr, COUNT(*) AS games
                  FROM {{nba_raw.nbac_schedule}}
                  WHERE game_date = @date
                  GROUP BY game_date, home_team_tricode
            """;

    @TempDir
    Path directory;

    private final TestingClock clock = new TestingClock(Instant.parse("2024-11-05T12:00:00Z"));
    private final TestingGate gate = new TestingGate();
    private TestingBigQueryServer server;
    private TransitioningStateStore stateStore;
    private SqliteDatabase stateFile;
    private BigQueryWarehouse warehouse;
    private WorkItemRunner runner;
    private TableRef homeGames;

    @BeforeEach
    void fleet()
    {
        server = new TestingBigQueryServer();
        stateStore = new TransitioningStateStore(SqliteStateStorage.open(directory.resolve("state.db"), clock));
        stateFile = StateDatabase.open(directory.resolve("state.db"));
        Catalogs catalogs = new Catalogs(new SqliteCatalogStore(stateFile), BuiltInTables.all(), clock, Duration.ofSeconds(3));
        catalogs.record(catalogs.plan(CatalogFileParser.parse("tables.yaml", CATALOG)), "test");
        homeGames = catalogs.current().entry(HOME_GAMES).orElseThrow().definition().ref();

        BigQueryWarehouseSettings settings = BigQueryWarehouseSettings.of("backfill-fleet-test").withHost(server.url()).withMaxTransportAttempts(1)
                // a write starts only with more lease left than it may take: within this test's 60 s lease
                .withWriteTimeout(Duration.ofSeconds(10)).withCancelSettle(Duration.ofSeconds(2));
        SchemaCatalog schemas = SchemaCatalog.withCatalog(catalogs);
        Provisioning.apply(new BigQuerySetup(settings, schemas));
        warehouse = BigQueryWarehouse.create(settings, schemas);
        warehouse.replacePartition(RawTables.SCHEDULE, DAY, List.of(game("0022400101", "BOS", "NYK"), game("0022400102", "LAL", "DEN"),
                game("0022400103", "MIA", "CHI")));

        WorkerStats stats = new WorkerStats();
        WorkerSettings workerSettings = new WorkerSettings("worker-a", 2, Duration.ofSeconds(60), 10, Duration.ofSeconds(1), Duration.ofSeconds(60), 3, 2,
                Duration.ofMillis(1), Duration.ofMillis(1));
        TableComputations computations = new TableComputations(new ProcessorRegistry(List.of()), new CommandRunner(directory));
        runner = new WorkItemRunner(stateStore, warehouse, catalogs, computations, workerSettings, clock,
                new LeaseKeeper(stateStore, workerSettings.leaseLength(), clock.ticker(), new Reachability("the state store"), new TestingScheduler(clock)),
                new UpstreamGate(stateStore, catalogs, clock, Duration.ofMinutes(5), stats),
                new PausedTables(new SqliteTablePauses(stateFile), clock, Duration.ofSeconds(3)), gate, stats, failure -> {});
    }

    @AfterEach
    void close()
    {
        stateStore.close();
        stateFile.close();
        server.close();
    }

    @Test
    void noQueryJobReachesBigQueryUntilTheGateGivesAPermit()
            throws Exception
    {
        WorkItem item = queued(DAY);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Future<Outcome> outcome = worker.submit(() -> runner.handle(TestingDelivery.of(item)));
            Eventually.await("the runner asks the gate for a permit", Duration.ofSeconds(30), () -> gate.waiting() == 1);

            assertThat(writeJobs()).as("write jobs while the permit is withheld").isEmpty();
            assertThat(stateStore.get(item.key()).orElseThrow().state()).isEqualTo(DateState.RUNNING);

            gate.give(1);
            assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(Outcome.SUCCEEDED);
        }
        finally {
            worker.shutdownNow();
        }
        assertThat(gate.permitsTaken()).containsExactly(homeGames);
        assertThat(gate.writeJobsBeforeEachPermit()).containsExactly(0);
        List<JsonNode> writes = writeJobs();
        assertThat(writes).hasSize(1);
        JsonNode query = writes.get(0).path("configuration").path("query");
        assertThat(query.path("destinationTable").path("tableId").asText()).isEqualTo("home_games$20241105");
        assertThat(query.path("writeDisposition").asText()).isEqualTo("WRITE_TRUNCATE");
        assertThat(query.path("query").asText()).contains("FROM `backfill-fleet-test.nba_raw.nbac_schedule`").doesNotContain("{{");
        assertThat(writes.get(0).path("jobReference").path("jobId").asText()).isEqualTo("bf_query_nba_analytics_home_games_20241105_run-1_a1_t1");
        assertThat(warehouse.read(homeGames, DateRange.single(DAY))).extracting(row -> row.get("team_abbr")).containsExactlyInAnyOrder("BOS", "LAL", "MIA");
        assertThat(stateStore.get(item.key()).orElseThrow().state()).isEqualTo(DateState.SUCCEEDED);
    }

    @Test
    void eachTryOfTheWriteTakesItsOwnPermitBeforeItsJob()
    {
        WorkItem item = queued(DAY);
        gate.give(2);
        failNextWriteJob();

        assertThat(runner.handle(TestingDelivery.of(item))).isEqualTo(Outcome.SUCCEEDED);

        assertThat(gate.permitsTaken()).containsExactly(homeGames, homeGames);
        assertThat(gate.writeJobsBeforeEachPermit()).containsExactly(0, 1);
        assertThat(writeJobs()).extracting(job -> job.path("jobReference").path("jobId").asText())
                .containsExactly("bf_query_nba_analytics_home_games_20241105_run-1_a1_t1", "bf_query_nba_analytics_home_games_20241105_run-1_a1_t2");
        assertThat(warehouse.countPartition(homeGames, DAY)).isEqualTo(3);
    }

    /** The next write job is refused with a 503, after whatever the runner reads first (expected_rows is a query job too). */
    private void failNextWriteJob()
    {
        gate.beforeEachPermit(taken -> {
            if (taken == 0) {
                server.failNext("POST", JOBS_INSERT, 503, "backendError", "Error encountered during execution. Retrying may solve the problem.");
            }
        });
    }

    private WorkItem queued(LocalDate date)
    {
        stateStore.enqueue(List.of(new DateKey(HOME_GAMES, date)), "run-1", EnqueuePolicy.NORMAL);
        return new WorkItem(HOME_GAMES, date, "run-1");
    }

    private List<JsonNode> writeJobs()
    {
        return server.insertedJobs().stream().filter(job -> job.path("configuration").path("query").has("destinationTable")).toList();
    }

    private static Row game(String gameId, String home, String away)
    {
        return Row.builder().set("game_id", gameId).set("game_date", DAY).set("season_year", 2024L).set("home_team_tricode", home)
                .set("away_team_tricode", away).set("processed_at", Instant.parse("2024-11-05T08:00:00Z")).build();
    }

    /** A gate that gives the permits the test hands it, and records what was written before each. */
    private final class TestingGate
            implements PartitionWriteGate
    {
        private final Semaphore permits = new Semaphore(0);
        private final AtomicInteger waiting = new AtomicInteger();
        private final List<TableRef> taken = new CopyOnWriteArrayList<>();
        private final List<Integer> writeJobsBefore = new CopyOnWriteArrayList<>();
        private volatile java.util.function.IntConsumer beforeEach = taken -> {};

        @Override
        public void acquire(TableRef table)
                throws InterruptedException
        {
            waiting.incrementAndGet();
            try {
                permits.acquire();
            }
            finally {
                waiting.decrementAndGet();
            }
            beforeEach.accept(taken.size());
            writeJobsBefore.add(writeJobs().size());
            taken.add(table);
        }

        void give(int count)
        {
            permits.release(count);
        }

        void beforeEachPermit(java.util.function.IntConsumer action)
        {
            beforeEach = action;
        }

        int waiting()
        {
            return waiting.get();
        }

        List<TableRef> permitsTaken()
        {
            return List.copyOf(taken);
        }

        List<Integer> writeJobsBeforeEachPermit()
        {
            return List.copyOf(writeJobsBefore);
        }
    }
}
