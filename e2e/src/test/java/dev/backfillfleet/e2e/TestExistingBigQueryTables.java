package dev.backfillfleet.e2e;

import dev.backfillfleet.bigquery.RealShapedTables;
import dev.backfillfleet.bigquery.TestingBigQueryServer;
import dev.backfillfleet.e2e.JavaProcesses.Finished;
import dev.backfillfleet.schema.RawTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real warehouse's raw tables exist before the fleet, with many more columns than it reads, and
 * the schedule a view: {@code setup --dry-run} and {@code doctor}, run as the operator runs them
 * (a process pointed at the BigQuery stand-in with {@code BIGQUERY_EMULATOR_HOST}), accept them as
 * they are; with a column the fleet reads removed, they name that column and nothing else.
 */
class TestExistingBigQueryTables
{
    private static final String PROJECT = "backfill-existing";

    @TempDir
    Path home;
    @TempDir
    Path logs;

    private TestingBigQueryServer server;
    private Map<String, String> environment;
    private RealShapedTables real;

    @BeforeEach
    void realWarehouse()
            throws Exception
    {
        server = new TestingBigQueryServer();
        environment = Map.of(
                "BIGQUERY_EMULATOR_HOST", server.url().substring("http://".length()),
                "BACKFILL_HOME", home.toString(),
                "BACKFILL_WAREHOUSE", "bigquery",
                "BACKFILL_GCP_PROJECT", PROJECT,
                "BACKFILL_BIGQUERY_DATASET_RAW", "nba_raw_prod");
        // the fleet's own tables from setup; then the raw ones as the real loaders made them
        Finished setup = coordinator("setup");
        assertThat(setup.exitCode()).as(setup.output()).isZero();
        real = new RealShapedTables(server.url(), PROJECT, Map.of("nba_raw", "nba_raw_prod"));
        real.createAll();
    }

    @AfterEach
    void stop()
    {
        server.close();
    }

    @Test
    void rawTablesWithMoreColumnsAndAViewAreAcceptedAsTheyAre()
            throws Exception
    {
        Finished dryRun = coordinator("setup", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).doesNotContain("TO DO BY HAND").doesNotContain("would")
                .contains("ok             table " + PROJECT + ".nba_raw_prod.nbac_schedule: a view with the 14 columns the fleet reads (and 4 it does not)")
                .contains("Nothing to do.");

        Finished doctor = coordinator("doctor");
        assertThat(doctor.output()).doesNotContainIgnoringCase("by hand").doesNotContain("PROBLEM");
        assertThat(doctor.exitCode()).as(doctor.output()).isZero();
    }

    @Test
    void aMissingColumnTheFleetReadsIsNamedAndNothingElse()
            throws Exception
    {
        real.replace(RawTables.TEAM_BOXSCORE, fields -> RealShapedTables.without(fields, "fg_attempted"));

        Finished dryRun = coordinator("setup", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.output()).isEqualTo(1);
        List<String> byHand = dryRun.output().lines().filter(line -> line.contains("TO DO BY HAND")).toList();
        assertThat(byHand).singleElement().asString()
                .contains("table " + PROJECT + ".nba_raw_prod.nbac_team_boxscore: the table lacks what the fleet reads: column fg_attempted (INT64) is missing");

        // the plan's one finding, and the worker's start-up check that would stop it, name the same column
        Finished doctor = coordinator("doctor");
        assertThat(doctor.exitCode()).as(doctor.output()).isEqualTo(1);
        List<String> problems = doctor.output().lines().map(String::trim).filter(line -> line.startsWith("PROBLEM")).toList();
        assertThat(problems).as(doctor.output()).filteredOn(line -> line.contains("BigQuery (")).singleElement().asString().contains("nbac_team_boxscore");
        assertThat(problems).hasSize(2).allSatisfy(line -> assertThat(line).contains("nbac_team_boxscore"));
        assertThat(problems.get(1)).startsWith("PROBLEM      start-up check of a worker: ").contains("column fg_attempted (INT64) is missing");
        assertThat(doctor.output()).contains("mend: the table lacks what the fleet reads: column fg_attempted (INT64) is missing");
    }

    private Finished coordinator(String... args)
            throws IOException, InterruptedException
    {
        return JavaProcesses.coordinator(environment, logs.resolve("coordinator-" + System.nanoTime() + ".log"), args);
    }
}
