package dev.backfillfleet.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.provision.Provisioning;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.testing.emulators.LocalOnly;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.PartitionWrite;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.SelectedColumn;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.warehouse.WriteToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A catalog table's SQL on BigQuery, through the real client against the local stand-in, which
 * runs the SELECT over the tables it holds: a date is one query job into {@code table$YYYYMMDD}
 * with WRITE_TRUNCATE, CREATE_NEVER and {@code @date}, its id the write token's; expected_rows is
 * a query of its own; {@code tables apply}'s check is a dry run whose schema is the columns.
 */
class TestBigQuerySqlTables
{
    private static final LocalDate DAY = LocalDate.parse("2024-11-01");
    private static final String JOBS_INSERT = "^/bigquery/v2/projects/[^/]+/jobs$";
    private static final TableSchema TEAM_GAMES = TableSchema.partitioned(new TableRef("nba_analytics", "team_games"), "game_date", List.of(
            Column.required("game_date", ColumnType.DATE), Column.required("team_abbr", ColumnType.STRING), Column.nullable("assists", ColumnType.INT64),
            Column.nullable("rating", ColumnType.NUMERIC)));
    private static final TableSchema TEAM_POINTS = TableSchema.partitioned(new TableRef("nba_analytics", "team_points"), "game_date", List.of(
            Column.required("game_date", ColumnType.DATE), Column.required("team_abbr", ColumnType.STRING), Column.nullable("points", ColumnType.INT64)));

    private TestingBigQueryServer server;
    private BigQueryWarehouse warehouse;
    private String teamGames;
    private String select;

    @BeforeAll
    static void report()
    {
        System.out.println("contract: TestBigQuerySqlTables ran against testing-bigquery-server (local REST stand-in, not BigQuery)");
    }

    @BeforeEach
    void setUp()
    {
        server = new TestingBigQueryServer();
        warehouse = warehouse(settings(1));
        warehouse.replacePartition(TEAM_GAMES.ref(), DAY, List.of(game(DAY, "BOS", 25, "113.70"), game(DAY, "NYK", 21, "108.10")));
        warehouse.replacePartition(TEAM_GAMES.ref(), DAY.plusDays(1), List.of(game(DAY.plusDays(1), "LAL", 30, "120.00")));
        teamGames = warehouse.sqlTableName(TEAM_GAMES.ref());
        select = "SELECT game_date, team_abbr, assists AS points\nFROM " + teamGames + "\nWHERE game_date = @date";
    }

    @AfterEach
    void tearDown()
    {
        server.close();
    }

    private BigQueryWarehouseSettings settings(int transportAttempts)
    {
        BigQueryWarehouseSettings settings = BigQueryWarehouseSettings.of(TestBigQueryWarehouse.PROJECT)
                .withHost(server.url())
                .withDatasets(Map.of("nba_analytics", "analytics_prod"))
                .withMaxTransportAttempts(transportAttempts);
        LocalOnly.requireLocal(settings.host(), "bigquery settings");
        return settings;
    }

    private static BigQueryWarehouse warehouse(BigQueryWarehouseSettings settings)
    {
        SchemaCatalog catalog = new SchemaCatalog(List.of(TEAM_GAMES, TEAM_POINTS));
        Provisioning.apply(new BigQuerySetup(settings, catalog));
        return BigQueryWarehouse.create(settings, catalog);
    }

    @Test
    void aDateIsOneQueryJobIntoThePartitionDecoratorWithTruncateCreateNeverAndTheDateParameter()
    {
        warehouse.replacePartition(TEAM_POINTS.ref(), DAY, List.of(points(DAY, "OLD", 1)));
        warehouse.replacePartition(TEAM_POINTS.ref(), DAY.plusDays(1), List.of(points(DAY.plusDays(1), "LAL", 30)));
        int before = server.insertedJobs().size();
        int requestsBefore = server.requests().size();

        PartitionWrite written = warehouse.replacePartitionWithSelect(TEAM_POINTS.ref(), DAY, select, token("run-1", 1));

        assertThat(written).isEqualTo(new PartitionWrite(2, 2));
        List<JsonNode> writes = writeJobs(before);
        assertThat(writes).hasSize(1);
        JsonNode job = writes.get(0);
        JsonNode query = job.path("configuration").path("query");
        assertThat(query.path("destinationTable").path("projectId").asText()).isEqualTo(TestBigQueryWarehouse.PROJECT);
        assertThat(query.path("destinationTable").path("datasetId").asText()).isEqualTo("analytics_prod");
        assertThat(query.path("destinationTable").path("tableId").asText()).isEqualTo("team_points$20241101");
        assertThat(query.path("writeDisposition").asText()).isEqualTo("WRITE_TRUNCATE");
        assertThat(query.path("createDisposition").asText()).isEqualTo("CREATE_NEVER");
        assertThat(query.path("useLegacySql").asBoolean(true)).isFalse();
        assertThat(query.path("query").asText()).isEqualTo(select);
        assertThat(query.path("queryParameters")).hasSize(1);
        JsonNode date = query.path("queryParameters").get(0);
        assertThat(date.path("name").asText()).isEqualTo("date");
        assertThat(date.path("parameterType").path("type").asText()).isEqualTo("DATE");
        assertThat(date.path("parameterValue").path("value").asText()).isEqualTo("2024-11-01");
        assertThat(job.path("jobReference").path("jobId").asText()).isEqualTo("bf_query_nba_analytics_team_points_20241101_run-1_a1_t1");
        // no row passed through the worker: no load job, no streaming insert
        assertThat(server.insertedJobs().subList(before, server.insertedJobs().size())).noneMatch(inserted -> inserted.path("configuration").has("load"));
        List<TestingBigQueryServer.RecordedRequest> requests = server.requests().subList(requestsBefore, server.requests().size());
        assertThat(requests).noneMatch(request -> request.path().startsWith("/upload/"));
        assertThat(requests).noneMatch(request -> request.path().endsWith("/insertAll"));

        // the partition is the SELECT's rows, the earlier contents gone; the next date's partition untouched
        assertThat(warehouse.read(TEAM_POINTS.ref(), DateRange.single(DAY))).containsExactlyInAnyOrder(points(DAY, "BOS", 25), points(DAY, "NYK", 21));
        assertThat(warehouse.read(TEAM_POINTS.ref(), DateRange.single(DAY.plusDays(1)))).containsExactly(points(DAY.plusDays(1), "LAL", 30));
    }

    @Test
    void aTryIsOneJobIdAndItsResubmissionReusesItWhileEachTryAndAttemptHasItsOwn()
    {
        int before = server.insertedJobs().size();
        WriteToken first = token("run-1", 1);
        warehouse.replacePartitionWithSelect(TEAM_POINTS.ref(), DAY, select, first);
        // the same try sent again (the runner never does, a lost answer does): BigQuery's 409 names the job, which is reused
        warehouse.replacePartitionWithSelect(TEAM_POINTS.ref(), DAY, select, first);
        warehouse.replacePartitionWithSelect(TEAM_POINTS.ref(), DAY, select, first.nextTry());
        warehouse.replacePartitionWithSelect(TEAM_POINTS.ref(), DAY, select, token("run-1", 2));

        assertThat(writeJobs(before)).extracting(job -> job.path("jobReference").path("jobId").asText()).containsExactly(
                "bf_query_nba_analytics_team_points_20241101_run-1_a1_t1",
                "bf_query_nba_analytics_team_points_20241101_run-1_a1_t1",
                "bf_query_nba_analytics_team_points_20241101_run-1_a1_t2",
                "bf_query_nba_analytics_team_points_20241101_run-1_a2_t1");
        assertThat(server.requests()).anyMatch(request -> request.method().equals("GET")
                && request.path().endsWith("/jobs/bf_query_nba_analytics_team_points_20241101_run-1_a1_t1"));
        assertThat(warehouse.countPartition(TEAM_POINTS.ref(), DAY)).isEqualTo(2);
    }

    @Test
    void aLostAnswerIsATransientFailureAndTheNextTryTruncatesThePartitionAgain()
    {
        WriteToken token = token("run-1", 1);
        int before = server.insertedJobs().size();
        server.loseNextAnswer("POST", JOBS_INSERT);

        // the job ran, but the worker cannot know: a transient failure, which the runner retries as the next try
        assertThatThrownBy(() -> warehouse.replacePartitionWithSelect(TEAM_POINTS.ref(), DAY, select, token))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT));
        assertThat(warehouse.replacePartitionWithSelect(TEAM_POINTS.ref(), DAY, select, token.nextTry())).isEqualTo(new PartitionWrite(2, 2));

        assertThat(writeJobs(before)).extracting(job -> job.path("jobReference").path("jobId").asText()).containsExactly(
                BigQueryWarehouse.queryJobName(TEAM_POINTS.ref(), "20241101", token), BigQueryWarehouse.queryJobName(TEAM_POINTS.ref(), "20241101", token.nextTry()));
        // both jobs truncated the partition with the same SELECT: its rows are there once
        assertThat(warehouse.read(TEAM_POINTS.ref(), DateRange.single(DAY))).containsExactlyInAnyOrder(points(DAY, "BOS", 25), points(DAY, "NYK", 21));
    }

    @Test
    void aSelectThatReturnsRowsOfAnotherDateFailsTheJobAndLeavesThePartition()
    {
        warehouse.replacePartition(TEAM_POINTS.ref(), DAY, List.of(points(DAY, "OLD", 1)));
        String everyDate = "SELECT game_date, team_abbr, assists AS points FROM " + teamGames;

        assertThatThrownBy(() -> warehouse.replacePartitionWithSelect(TEAM_POINTS.ref(), DAY, everyDate, token("run-1", 1)))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.PERMANENT))
                .hasMessageContaining("destination partition 20241101");
        assertThat(warehouse.read(TEAM_POINTS.ref(), DateRange.single(DAY))).containsExactly(points(DAY, "OLD", 1));
    }

    @Test
    void aSelectWhoseColumnsAreNotTheTablesFailsTheJob()
    {
        String wrongType = "SELECT game_date, team_abbr, rating AS points FROM " + teamGames + " WHERE game_date = @date";
        assertThatThrownBy(() -> warehouse.replacePartitionWithSelect(TEAM_POINTS.ref(), DAY, wrongType, token("run-1", 1)))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.PERMANENT))
                .hasMessageContaining("Field points has changed type from INTEGER to NUMERIC");
        String missing = "SELECT game_date, team_abbr FROM " + teamGames + " WHERE game_date = @date";
        assertThatThrownBy(() -> warehouse.replacePartitionWithSelect(TEAM_POINTS.ref(), DAY, missing, token("run-1", 2)))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.PERMANENT))
                .hasMessageContaining("Field points is missing");
        assertThat(warehouse.countPartition(TEAM_POINTS.ref(), DAY)).isZero();
    }

    @Test
    void expectedRowsIsAQueryOfTheDateThatGivesAWholeNumber()
    {
        int before = server.insertedJobs().size();
        assertThat(warehouse.selectCount("SELECT 2 * COUNT(*) FROM " + teamGames + " WHERE game_date = @date", DAY)).isEqualTo(4);
        assertThat(warehouse.selectCount("SELECT 2 * COUNT(*) FROM " + teamGames + " WHERE game_date = @date", DAY.plusDays(1))).isEqualTo(2);
        assertThat(warehouse.selectCount("SELECT COUNT(*) FROM " + teamGames + " WHERE game_date = @date", DAY.plusDays(9))).isZero();

        JsonNode query = server.insertedJobs().get(before).path("configuration").path("query");
        assertThat(query.has("destinationTable")).isFalse();
        assertThat(query.path("queryParameters")).hasSize(1);
        assertThat(query.path("queryParameters").get(0).path("parameterType").path("type").asText()).isEqualTo("DATE");
        assertThat(query.path("queryParameters").get(0).path("parameterValue").path("value").asText()).isEqualTo("2024-11-01");
        assertThat(writeJobs(before)).isEmpty();

        assertThatThrownBy(() -> warehouse.selectCount("SELECT MAX(assists) FROM " + teamGames + " WHERE game_date = @date", DAY.plusDays(9)))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.PERMANENT))
                .hasMessageContaining("gave no whole number");
        assertThatThrownBy(() -> warehouse.selectCount("SELECT COUNT(*) / 4.0 FROM " + teamGames + " WHERE game_date = @date", DAY))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.PERMANENT))
                .hasMessageContaining("gave '0.5', not a whole number");
    }

    @Test
    void describingASelectIsADryRunWhoseSchemaIsTheColumns()
    {
        int before = server.insertedJobs().size();
        List<SelectedColumn> columns = warehouse.describeSelect(select);

        assertThat(columns).containsExactly(
                new SelectedColumn("game_date", Optional.of(ColumnType.DATE)),
                new SelectedColumn("team_abbr", Optional.of(ColumnType.STRING)),
                new SelectedColumn("points", Optional.of(ColumnType.INT64)));
        assertThat(server.dryRuns()).isEqualTo(1);
        JsonNode dryRun = server.insertedJobs().get(before).path("configuration");
        assertThat(dryRun.path("dryRun").asBoolean(false)).isTrue();
        assertThat(dryRun.path("query").path("query").asText()).isEqualTo(select);
        assertThat(dryRun.path("query").path("queryParameters").findValuesAsText("name")).containsExactly("date");
        assertThat(dryRun.path("query").has("destinationTable")).isFalse();

        assertThat(warehouse.describeSelect("SELECT rating, COUNT(*) AS games FROM " + teamGames + " WHERE game_date = @date GROUP BY rating"))
                .extracting(SelectedColumn::name, SelectedColumn::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rating", Optional.of(ColumnType.NUMERIC)),
                        org.assertj.core.groups.Tuple.tuple("games", Optional.of(ColumnType.INT64)));
        // a dry run writes nothing
        assertThat(warehouse.countPartition(TEAM_POINTS.ref(), DAY)).isZero();
    }

    @Test
    void aSelectThatDoesNotCompileIsAOneLineUserError()
    {
        String unknownColumn = "SELECT game_date,\n  team_abbr,\n  steals AS points\nFROM " + teamGames + "\nWHERE game_date = @date";
        assertThatThrownBy(() -> warehouse.describeSelect(unknownColumn))
                .isInstanceOfSatisfying(FleetException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ErrorClass.USER);
                    assertThat(e.getMessage()).startsWith("the SQL does not compile on BigQuery: ").contains("Unrecognized name: steals").doesNotContain("\n");
                });
        assertThatThrownBy(() -> warehouse.describeSelect("SELEC game_date FROM " + teamGames))
                .isInstanceOfSatisfying(FleetException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ErrorClass.USER);
                    assertThat(e.getMessage()).contains("Syntax error").doesNotContain("\n");
                });
        // BigQuery's own 400 answer, whatever the stand-in makes of the SQL
        server.failNext("POST", JOBS_INSERT, 400, "invalidQuery", "Function not found: SAFE_DIVIDEE at [1:8]");
        assertThatThrownBy(() -> warehouse.describeSelect(select))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.USER))
                .hasMessage("the SQL does not compile on BigQuery: Function not found: SAFE_DIVIDEE at [1:8]");
        assertThat(server.dryRuns()).isZero();
    }

    private List<JsonNode> writeJobs(int from)
    {
        List<JsonNode> writes = new ArrayList<>();
        for (JsonNode job : server.insertedJobs().subList(from, server.insertedJobs().size())) {
            if (job.path("configuration").has("load") || job.path("configuration").path("query").has("destinationTable")) {
                writes.add(job);
            }
        }
        return writes;
    }

    private static WriteToken token(String runId, int attempt)
    {
        return new WriteToken(runId, "worker-1", attempt, Instant.parse("2024-11-02T10:00:00Z").plusSeconds(attempt), 1);
    }

    private static Row game(LocalDate date, String team, long assists, String rating)
    {
        return Row.builder().set("game_date", date).set("team_abbr", team).set("assists", assists).set("rating", new BigDecimal(rating)).build();
    }

    private static Row points(LocalDate date, String team, long points)
    {
        return Row.builder().set("game_date", date).set("team_abbr", team).set("points", points).build();
    }
}
