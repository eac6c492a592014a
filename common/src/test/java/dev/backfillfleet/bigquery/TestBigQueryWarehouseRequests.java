package dev.backfillfleet.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.TimePartitioning;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.ThrottledException;
import dev.backfillfleet.provision.PlannedChange;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.provision.Provisioning;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.testing.emulators.LocalOnly;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.warehouse.WriteToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the adapter asks BigQuery for (job configurations, ids, parameters) and how it reacts
 * to BigQuery's documented error answers, through the real client against the local stand-in.
 */
class TestBigQueryWarehouseRequests
{
    private static final LocalDate DAY = LocalDate.parse("2024-11-01");
    private static final TableRef LINES = RawTables.GAME_LINES;
    private static final String JOBS_INSERT = "^/bigquery/v2/projects/[^/]+/jobs$";
    private static final String UPLOAD = "^/upload/bigquery/v2/projects/[^/]+/jobs$";

    private TestingBigQueryServer server;
    private BigQueryWarehouseSettings settings;
    private BigQueryWarehouse warehouse;

    @BeforeAll
    static void report()
    {
        System.out.println("contract: TestBigQueryWarehouseRequests ran against testing-bigquery-server (local REST stand-in, not BigQuery)");
    }

    @BeforeEach
    void setUp()
    {
        server = new TestingBigQueryServer();
        settings = BigQueryWarehouseSettings.of(TestBigQueryWarehouse.PROJECT)
                .withHost(server.url())
                .withDatasets(Map.of("nba_raw", "nba_raw_prod"))
                .withMaximumBytesBilled(10_000_000_000L)
                .withMaxTransportAttempts(1);
        LocalOnly.requireLocal(settings.host(), "bigquery settings");
        Provisioning.apply(new BigQuerySetup(settings, SchemaCatalog.standard()));
        warehouse = BigQueryWarehouse.create(settings, SchemaCatalog.standard());
    }

    @AfterEach
    void tearDown()
    {
        server.close();
    }

    @Test
    void replacePartitionIsOneTruncatingLoadIntoThePartitionDecorator()
    {
        int before = server.insertedJobs().size();
        assertThat(warehouse.replacePartition(LINES, DAY, List.of(line("draftkings"), line("fanduel")))).isEqualTo(2);

        List<JsonNode> jobs = server.insertedJobs().subList(before, server.insertedJobs().size());
        assertThat(jobs).hasSize(1);
        JsonNode load = jobs.get(0).path("configuration").path("load");
        assertThat(load.path("destinationTable").path("datasetId").asText()).isEqualTo("nba_raw_prod");
        assertThat(load.path("destinationTable").path("tableId").asText()).isEqualTo("odds_api_game_lines$20241101");
        assertThat(load.path("writeDisposition").asText()).isEqualTo("WRITE_TRUNCATE");
        assertThat(load.path("createDisposition").asText()).isEqualTo("CREATE_NEVER");
        assertThat(load.path("sourceFormat").asText()).isEqualTo("NEWLINE_DELIMITED_JSON");
        assertThat(jobs.get(0).path("jobReference").path("jobId").asText()).startsWith("bf_load_nba_raw_odds_api_game_lines_20241101_");
        assertThat(server.requests()).noneMatch(request -> request.body() != null && request.body().toString().toUpperCase().contains("MERGE"));
        assertThat(server.requests()).noneMatch(request -> request.path().endsWith("/insertAll"));
    }

    @Test
    void numericColumnsAreNumericAndTheirValuesTravelAsExactText()
    {
        TableSchema payouts = TableSchema.partitioned(new TableRef("test_data", "payouts"), "game_date",
                List.of(Column.required("game_date", ColumnType.DATE), Column.nullable("amount", ColumnType.NUMERIC)));
        SchemaCatalog catalog = new SchemaCatalog(List.of(payouts));
        Provisioning.apply(new BigQuerySetup(settings, catalog));
        BigQueryWarehouse numeric = BigQueryWarehouse.create(settings, catalog);
        List<BigDecimal> amounts = List.of(new BigDecimal("12345678901234567890.123456789"), new BigDecimal("0.10"));

        numeric.replacePartition(payouts.ref(), DAY, amounts.stream().map(amount -> Row.builder().set("game_date", DAY).set("amount", amount).build()).toList());

        assertThat(BigQuerySchemas.field(payouts.columns().get(1)).getType().getStandardType()).isEqualTo(StandardSQLTypeName.NUMERIC);
        assertThat(new String(BigQuerySchemas.newlineDelimitedJson(payouts, List.of(Row.builder().set("game_date", DAY).set("amount", amounts.get(0)).build()))))
                .contains("\"amount\":\"12345678901234567890.123456789\"");
        // a plain NUMERIC is NUMERIC(38, 9): read back at that scale, equal in value
        assertThat(BigQuerySchemas.field(payouts.columns().get(1)).getPrecision()).isEqualTo(38L);
        assertThat(numeric.read(payouts.ref(), DateRange.single(DAY))).extracting(row -> row.get("amount"))
                .containsExactly(new BigDecimal("12345678901234567890.123456789"), new BigDecimal("0.100000000"));
    }

    @Test
    void loadJobIdsAreUniquePerRunAttemptAndTry()
    {
        WriteToken first = token("run-1", 1);
        warehouse.replacePartition(LINES, DAY, List.of(line("draftkings")), first);
        warehouse.replacePartition(LINES, DAY, List.of(line("draftkings")), first.nextTry());
        warehouse.replacePartition(LINES, DAY, List.of(line("draftkings")), token("run-1", 2));
        warehouse.replacePartition(LINES, DAY, List.of(line("draftkings")), token("run-2", 1));
        assertThat(jobIds()).doesNotHaveDuplicates().hasSize(4);
        assertThat(jobIds().get(0)).isEqualTo("bf_load_nba_raw_odds_api_game_lines_20241101_run-1_a1_t1");
        assertThat(jobIds().get(1)).endsWith("_run-1_a1_t2");

        // the same write sent again (the answer was lost) names the same job
        try (TestingBigQueryServer other = new TestingBigQueryServer()) {
            BigQueryWarehouseSettings otherSettings = settings.withHost(other.url());
            Provisioning.apply(new BigQuerySetup(otherSettings, SchemaCatalog.standard()));
            BigQueryWarehouse.create(otherSettings, SchemaCatalog.standard()).replacePartition(LINES, DAY, List.of(line("draftkings")), first);
            assertThat(other.insertedJobs().get(other.insertedJobs().size() - 1).path("jobReference").path("jobId").asText()).isEqualTo(jobIds().get(0));
        }
    }

    @Test
    void readsNameTheirColumnsRunInteractiveUnderTheByteCapAndFilterOnThePartitionColumn()
    {
        warehouse.replacePartition(LINES, DAY, List.of(line("draftkings")));
        assertThat(warehouse.read(LINES, DateRange.of(DAY, DAY.plusDays(6)), List.of("bookmaker_key", "outcome_point")))
                .containsExactly(Row.builder().set("bookmaker_key", "draftkings").set("outcome_point", -4.5).build());

        JsonNode query = lastQuery();
        assertThat(query.path("query").asText())
                .isEqualTo("SELECT bookmaker_key, outcome_point FROM `backfill-fleet-test.nba_raw_prod.odds_api_game_lines` WHERE game_date BETWEEN @first AND @last");
        assertThat(query.path("priority").asText()).isEqualTo("INTERACTIVE");
        assertThat(query.path("useLegacySql").asBoolean()).isFalse();
        assertThat(query.path("maximumBytesBilled").asText()).isEqualTo("10000000000");
        assertThat(query.path("queryParameters").findValuesAsText("name")).containsExactlyInAnyOrder("first", "last");
        assertThat(query.path("queryParameters")).hasSize(2);
        for (JsonNode parameter : query.path("queryParameters")) {
            assertThat(parameter.path("parameterType").path("type").asText()).isEqualTo("DATE");
        }
        assertThat(query.path("queryParameters").findValuesAsText("value")).containsExactlyInAnyOrder("2024-11-01", "2024-11-07");

        // a read of whole rows names every column of the schema too, and so does a static table's
        warehouse.read(LINES, DateRange.single(DAY));
        assertThat(lastQuery().path("query").asText()).startsWith("SELECT " + String.join(", ", RawTables.gameLines().columnNames()) + " FROM ");
        warehouse.readAll(RawTables.TRAVEL_DISTANCES, List.of("from_team", "distance_miles"));
        assertThat(lastQuery().path("query").asText()).isEqualTo("SELECT from_team, distance_miles FROM `backfill-fleet-test.nba_static.travel_distances`");
        // the injury report is partitioned by report_date: its reads filter that column, so that they prune
        warehouse.read(RawTables.INJURY_REPORT, DateRange.of(DAY.minusDays(2), DAY), List.of("player_full_name", "injury_status"));
        assertThat(lastQuery().path("query").asText())
                .isEqualTo("SELECT player_full_name, injury_status FROM `backfill-fleet-test.nba_raw_prod.nbac_injury_report` WHERE report_date BETWEEN @first AND @last");
        assertThat(server.insertedJobs()).noneMatch(job -> job.path("configuration").path("query").path("query").asText().contains("*"));
    }

    /**
     * coordinator compare's reads of another pipeline's table: its schema from tables.get (the
     * dataset as BigQuery names it, not mapped), its types as BigQuery has them (NUMERIC with
     * its scale), and its rows by a query that names the columns and filters on the date.
     */
    @Test
    void anotherPipelinesTableIsDescribedAndReadByNamedColumnsAndDate()
    {
        TableSchema theirs = TableSchema.partitioned(new TableRef("nba_raw", "their_summary"), "game_date", List.of(
                Column.required("game_date", ColumnType.DATE),
                Column.required("team_abbr", ColumnType.STRING),
                Column.nullable("possessions", ColumnType.INT64),
                Column.nullableNumeric("pace", 5, 1),
                Column.nullable("created_at", ColumnType.TIMESTAMP)));
        SchemaCatalog catalog = new SchemaCatalog(List.of(theirs));
        Provisioning.apply(new BigQuerySetup(settings, catalog));
        BigQueryWarehouse.create(settings, catalog).replacePartitions(theirs.ref(), Map.of(
                DAY, List.of(summary(DAY, "BOS", 98L, "99.1"), summary(DAY, "NYK", 97L, "98.0")),
                DAY.plusDays(9), List.of(summary(DAY.plusDays(9), "BOS", 101L, "100.4"))));
        // their table lives in the BigQuery dataset nba_raw_prod: named as BigQuery names it, not through our dataset map
        TableRef named = new TableRef("nba_raw_prod", "their_summary");
        assertThat(warehouse.describeTable(new TableRef("nba_raw", "their_summary"))).isEmpty();
        assertThat(warehouse.describeTable(new TableRef("nba_raw_prod", "no_such_table"))).isEmpty();
        List<Column> columns = warehouse.describeTable(named).orElseThrow();
        assertThat(columns).extracting(Column::name).containsExactly("game_date", "team_abbr", "possessions", "pace", "created_at");
        assertThat(columns.get(3)).isEqualTo(Column.nullableNumeric("pace", 5, 1));
        assertThat(columns.get(0)).isEqualTo(Column.required("game_date", ColumnType.DATE));

        List<Row> rows = warehouse.readColumns(named, "game_date", DateRange.of(DAY, DAY.plusDays(6)), columns.subList(0, 4));

        assertThat(rows).containsExactlyInAnyOrder(
                Row.builder().set("game_date", DAY).set("team_abbr", "BOS").set("possessions", 98L).set("pace", new BigDecimal("99.1")).build(),
                Row.builder().set("game_date", DAY).set("team_abbr", "NYK").set("possessions", 97L).set("pace", new BigDecimal("98.0")).build());
        JsonNode query = lastQuery();
        assertThat(query.path("query").asText())
                .isEqualTo("SELECT game_date, team_abbr, possessions, pace FROM `backfill-fleet-test.nba_raw_prod.their_summary` WHERE game_date BETWEEN @first AND @last");
        assertThat(query.path("maximumBytesBilled").asText()).isEqualTo("10000000000");
        assertThat(query.path("queryParameters").findValuesAsText("value")).containsExactlyInAnyOrder("2024-11-01", "2024-11-07");
        assertThatThrownBy(() -> warehouse.readColumns(named, "game_date; DROP TABLE x", DateRange.single(DAY), columns))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Row summary(LocalDate date, String team, long possessions, String pace)
    {
        return Row.builder().set("game_date", date).set("team_abbr", team).set("possessions", possessions).set("pace", new BigDecimal(pace))
                .set("created_at", Instant.parse("2024-12-01T00:00:00Z")).build();
    }

    @Test
    void theDefaultsAreInteractiveReadsCappedAtOneGibibyteAndBatchIsAChoice()
    {
        BigQueryWarehouseSettings defaults = BigQueryWarehouseSettings.of(TestBigQueryWarehouse.PROJECT).withHost(server.url())
                .withDatasets(Map.of("nba_raw", "nba_raw_prod")).withMaxTransportAttempts(1);
        BigQueryWarehouse.create(defaults, SchemaCatalog.standard()).read(RawTables.GAME_LINES, DateRange.single(DAY), List.of("bookmaker_key"));
        assertThat(lastQuery().path("priority").asText()).isEqualTo("INTERACTIVE");
        assertThat(lastQuery().path("maximumBytesBilled").asText()).isEqualTo("1073741824");

        BigQueryWarehouse.create(defaults.withReadPriority(BigQueryWarehouseSettings.ReadPriority.BATCH).withoutMaximumBytesBilled(), SchemaCatalog.standard())
                .read(RawTables.GAME_LINES, DateRange.single(DAY), List.of("bookmaker_key"));
        assertThat(lastQuery().path("priority").asText()).isEqualTo("BATCH");
        assertThat(lastQuery().has("maximumBytesBilled")).isFalse();
    }

    private JsonNode lastQuery()
    {
        return server.insertedJobs().get(server.insertedJobs().size() - 1).path("configuration").path("query");
    }

    @Test
    void rateLimitExceededIsThrottling()
    {
        server.failNext("POST", JOBS_INSERT, 403, "rateLimitExceeded", "Exceeded rate limits: too many api requests per user per method for this user_method");
        assertThatThrownBy(() -> warehouse.read(LINES, DateRange.single(DAY)))
                .isInstanceOfSatisfying(ThrottledException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT))
                .hasMessageContaining("rateLimitExceeded");
    }

    @Test
    void tooManyPartitionModificationsOnTheUploadIsThrottling()
    {
        server.failNext("POST", UPLOAD, 403, "rateLimitExceeded",
                "Exceeded rate limits: too many partition modifications per 10 seconds for this table");
        assertThatThrownBy(() -> warehouse.replacePartition(LINES, DAY, List.of(line("draftkings")), token("run-1", 1)))
                .isInstanceOf(ThrottledException.class)
                .hasMessageContaining("partition modifications");
    }

    @Test
    void aMissingTableOrPermissionIsTheEnvironmentsFault()
    {
        server.failNext("POST", JOBS_INSERT, 404, "notFound", "Not found: Table backfill-fleet-test:nba_raw_prod.odds_api_game_lines");
        assertThatThrownBy(() -> warehouse.countPartition(LINES, DAY))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.ENVIRONMENT))
                .hasMessageContaining("coordinator setup");
        server.failNext("POST", JOBS_INSERT, 403, "accessDenied", "Access Denied: Project backfill-fleet-test: User does not have bigquery.jobs.create permission");
        assertThatThrownBy(() -> warehouse.countPartition(LINES, DAY))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.ENVIRONMENT))
                .hasMessageContaining("grant this identity its BigQuery roles");
    }

    @Test
    void backendErrorOnTheUploadIsTransient()
    {
        server.failNext("POST", UPLOAD, 503, "backendError", "Error encountered during execution. Retrying may solve the problem.");
        assertThatThrownBy(() -> warehouse.replacePartition(LINES, DAY, List.of(line("draftkings"))))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT));
    }

    @Test
    void invalidQueryIsPermanent()
    {
        server.failNext("POST", JOBS_INSERT, 400, "invalidQuery", "Syntax error: Unexpected keyword WHERE at [1:50]");
        assertThatThrownBy(() -> warehouse.countPartition(LINES, DAY))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.PERMANENT))
                .hasMessageContaining("invalidQuery");
    }

    @ParameterizedTest
    @EnumSource(value = TestingBigQueryServer.JobState.class, names = {"PENDING_THEN_DONE", "RUNNING_THEN_DONE", "DONE"})
    void anEarlierSubmissionIsReusedWhilePendingOrRunningOrOnceDoneWithoutError(TestingBigQueryServer.JobState state)
    {
        WriteToken token = token("run-1", 1);
        String jobId = BigQueryWarehouse.loadJobName(LINES, "20241101", token);
        server.existingJob(TestBigQueryWarehouse.PROJECT, jobId, state, null);

        assertThat(warehouse.replacePartition(LINES, DAY, List.of(line("draftkings")), token)).isEqualTo(1);
        assertThat(server.requests()).anyMatch(request -> request.method().equals("GET") && request.path().endsWith("/jobs/" + jobId));
        assertThat(jobIds()).containsOnly(jobId);
    }

    @Test
    void aFailedEarlierSubmissionIsNotReusedAndTheNextTryHasItsOwnJob()
    {
        WriteToken token = token("run-1", 1);
        server.existingJob(TestBigQueryWarehouse.PROJECT, BigQueryWarehouse.loadJobName(LINES, "20241101", token),
                TestingBigQueryServer.JobState.DONE_WITH_ERROR, "backendError");

        assertThatThrownBy(() -> warehouse.replacePartition(LINES, DAY, List.of(line("draftkings")), token))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT))
                .hasMessageContaining("earlier submission");
        assertThat(warehouse.replacePartition(LINES, DAY, List.of(line("draftkings"), line("fanduel")), token.nextTry())).isEqualTo(2);
        assertThat(warehouse.countPartition(LINES, DAY)).isEqualTo(2);
    }

    @Test
    void aJobThatDoesNotFinishWithinTheWriteTimeoutIsCancelled()
    {
        BigQueryWarehouse impatient = BigQueryWarehouse.create(settings.withWriteTimeout(Duration.ofSeconds(1)), SchemaCatalog.standard());
        WriteToken token = token("run-1", 1);
        String jobId = BigQueryWarehouse.loadJobName(LINES, "20241101", token);
        server.existingJob(TestBigQueryWarehouse.PROJECT, jobId, TestingBigQueryServer.JobState.RUNNING_FOREVER, null);

        assertThatThrownBy(() -> impatient.replacePartition(LINES, DAY, List.of(line("draftkings")), token))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT))
                .hasMessageContaining("cancelled");
        assertThat(server.requests()).anyMatch(request -> request.method().equals("POST") && request.path().endsWith("/jobs/" + jobId + "/cancel"));
        assertThat(impatient.maximumWriteTime()).as("the timeout, then the wait for a cancelled job's final state")
                .isEqualTo(Duration.ofSeconds(1).plus(BigQueryWarehouseSettings.DEFAULT_CANCEL_SETTLE));
    }

    @Test
    void aTimedOutJobThatCompletesDespiteItsCancelIsTheWriteNotARetry()
    {
        BigQueryWarehouse impatient = BigQueryWarehouse.create(settings.withWriteTimeout(Duration.ofSeconds(1)).withCancelSettle(Duration.ofSeconds(5)),
                SchemaCatalog.standard());
        WriteToken token = token("run-1", 1);
        String jobId = BigQueryWarehouse.loadJobName(LINES, "20241101", token);
        server.existingJob(TestBigQueryWarehouse.PROJECT, jobId, TestingBigQueryServer.JobState.COMPLETES_DESPITE_CANCEL, null);

        assertThat(impatient.replacePartition(LINES, DAY, List.of(line("draftkings")), token)).as("the write succeeds with the rows the job wrote").isEqualTo(1);
        assertThat(server.requests()).filteredOn(request -> request.method().equals("POST") && request.path().endsWith("/cancel"))
                .extracting(TestingBigQueryServer.RecordedRequest::path).containsExactly("/bigquery/v2/projects/" + TestBigQueryWarehouse.PROJECT + "/jobs/" + jobId + "/cancel");
    }

    @Test
    void aTimedOutJobStillRunningAfterItsCancelFailsTheWriteTransiently()
    {
        BigQueryWarehouse impatient = BigQueryWarehouse.create(settings.withWriteTimeout(Duration.ofSeconds(1)).withCancelSettle(Duration.ofSeconds(1)),
                SchemaCatalog.standard());
        WriteToken token = token("run-1", 1);
        String jobId = BigQueryWarehouse.loadJobName(LINES, "20241101", token);
        server.existingJob(TestBigQueryWarehouse.PROJECT, jobId, TestingBigQueryServer.JobState.IGNORES_CANCEL, null);

        assertThatThrownBy(() -> impatient.replacePartition(LINES, DAY, List.of(line("draftkings")), token))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT))
                .hasMessageContaining("cancelled (still running");
    }

    @Test
    void anEmptyPartitionIsDeletedThroughItsDecorator()
    {
        warehouse.replacePartition(LINES, DAY, List.of(line("draftkings")));
        warehouse.replacePartition(LINES, DAY.plusDays(1), List.of(line("draftkings").with("game_date", DAY.plusDays(1))));
        int before = server.insertedJobs().size();

        assertThat(warehouse.replacePartition(LINES, DAY, List.of(), token("run-1", 1))).isZero();
        assertThat(server.requests()).anyMatch(request -> request.method().equals("DELETE")
                && request.path().endsWith("/datasets/nba_raw_prod/tables/odds_api_game_lines$20241101"));
        assertThat(server.insertedJobs()).hasSize(before);
        assertThat(warehouse.countPartition(LINES, DAY)).isZero();
        assertThat(warehouse.countPartition(LINES, DAY.plusDays(1))).isEqualTo(1);
        // a partition that never existed is already empty
        assertThat(warehouse.replacePartition(LINES, DAY.plusDays(9), List.of(), token("run-1", 1))).isZero();
    }

    @Test
    void setupCreatesTheDatasetsAndTablesOnceAndThenHasNothingToDo()
    {
        try (TestingBigQueryServer fresh = new TestingBigQueryServer()) {
            BigQuerySetup setup = new BigQuerySetup(settings.withHost(fresh.url()), SchemaCatalog.standard());
            List<PlannedChange> first = Provisioning.apply(setup);
            assertThat(first).extracting(PlannedChange::action).containsOnly(PlannedChange.Action.CREATE);
            assertThat(first).extracting(PlannedChange::resource).contains("dataset backfill-fleet-test.nba_raw_prod",
                    "table backfill-fleet-test.nba_analytics.team_offense_game_summary");
            assertThat(fresh.datasets()).containsExactlyInAnyOrder("nba_raw_prod", "nba_static", "nba_analytics");
            assertThat(setup.plan()).extracting(PlannedChange::action).containsOnly(PlannedChange.Action.NONE);
            setup.check(ProcessRole.WORKER);
        }
    }

    @Test
    void aWorkerStopsAtStartUpWhenATableIsMissing()
    {
        try (TestingBigQueryServer fresh = new TestingBigQueryServer()) {
            BigQuerySetup setup = new BigQuerySetup(settings.withHost(fresh.url()), SchemaCatalog.standard());
            assertThatThrownBy(() -> setup.check(ProcessRole.WORKER))
                    .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.ENVIRONMENT))
                    .hasMessageContaining("does not exist: create it with 'coordinator setup'");
        }
    }

    @Test
    void schemasComeFromTheCatalog()
    {
        var lines = SchemaCatalog.standard().schema(LINES);
        Schema schema = BigQuerySchemas.schema(lines);
        assertThat(schema.getFields().get("game_date").getType().getStandardType()).isEqualTo(StandardSQLTypeName.DATE);
        assertThat(schema.getFields().get("game_date").getMode()).isEqualTo(Field.Mode.REQUIRED);
        assertThat(schema.getFields().get("snapshot_timestamp").getType().getStandardType()).isEqualTo(StandardSQLTypeName.TIMESTAMP);
        assertThat(schema.getFields().get("outcome_point").getType().getStandardType()).isEqualTo(StandardSQLTypeName.FLOAT64);
        // NUMERIC with the real table's precision and scale (real-warehouse.md 2.1), an exact decimal loaded as a JSON string
        Field rating = BigQuerySchemas.schema(AnalyticsSchemas.teamOffense()).getFields().get("offensive_rating");
        assertThat(List.of(rating.getType().getStandardType(), rating.getPrecision(), rating.getScale())).containsExactly(StandardSQLTypeName.NUMERIC, 6L, 2L);
        assertThat(new String(BigQuerySchemas.newlineDelimitedJson(AnalyticsSchemas.teamOffense(), List.of(
                Row.builder().set("offensive_rating", new java.math.BigDecimal("113.70")).build())), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"offensive_rating\":\"113.70\"");
        assertThat(BigQuerySchemas.partitioning(lines)).contains(TimePartitioning.newBuilder(TimePartitioning.Type.DAY).setField("game_date").build());
        assertThat(BigQuerySchemas.partitioning(SchemaCatalog.standard().schema(RawTables.TRAVEL_DISTANCES))).isEmpty();
        assertThat(BigQueryFailures.classify("quotaExceeded", 403)).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(BigQueryFailures.classify("internalError", 500)).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(BigQueryFailures.classify("notFound", 404)).isEqualTo(ErrorClass.ENVIRONMENT);
        assertThat(BigQueryFailures.classify("accessDenied", 403)).isEqualTo(ErrorClass.ENVIRONMENT);
        assertThat(BigQueryFailures.classify("invalid", 400)).isEqualTo(ErrorClass.PERMANENT);
        assertThat(BigQueryFailures.classify(null, 502)).isEqualTo(ErrorClass.TRANSIENT);
    }

    private List<String> jobIds()
    {
        return server.insertedJobs().stream()
                .filter(job -> job.path("configuration").has("load") || job.path("configuration").path("query").has("destinationTable"))
                .map(job -> job.path("jobReference").path("jobId").asText())
                .toList();
    }

    private static WriteToken token(String runId, int attempt)
    {
        return new WriteToken(runId, "worker-1", attempt, Instant.parse("2024-11-02T10:00:00Z").plusSeconds(attempt), 1);
    }

    private static Row line(String bookmaker)
    {
        return Row.builder()
                .set("game_date", DAY).set("commence_time", Instant.parse("2024-11-01T23:30:00Z"))
                .set("home_team", "New York Knicks").set("away_team", "Boston Celtics").set("home_team_abbr", "NYK").set("away_team_abbr", "BOS")
                .set("bookmaker_key", bookmaker).set("market_key", "spreads").set("outcome_name", "New York Knicks").set("outcome_point", -4.5)
                .set("snapshot_timestamp", Instant.parse("2024-11-01T23:20:00.123456Z"))
                .build();
    }
}
