package dev.backfillfleet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backfillfleet.catalog.CatalogFileParser;
import dev.backfillfleet.catalog.TableDefinition;
import dev.backfillfleet.coordinator.CoordinatorCli;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.SchemaCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A command table whose program misbehaves on some dates, run by `run` on the embedded default:
 * a temporary failure (exit 75) recovers; a bad row, an exit 1 and a hang leave their dates FAILED
 * with the line and column, the standard error or the timeout in `failed`, nothing in their
 * partitions, and no process behind.
 */
class TestCommandTables
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateRange DAYS = DateRange.of(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-08"));
    private static final String FLAKY = "2024-03-02";
    private static final String BAD_ROW = "2024-03-03";
    private static final String EXITS_1 = "2024-03-04";
    private static final String HANGS = "2024-03-05";

    // fails on purpose on some dates; everywhere else prints one row
    private static final String PROGRAM = """
            import json, os, sys, time
            date = sys.argv[1]
            attempt = int(os.environ["BACKFILL_ATTEMPT"])
            if date == "%s" and attempt == 1:
                print("the source is busy, try later", file=sys.stderr)
                sys.exit(75)
            if date == "%s":
                print(json.dumps({"game_date": date, "value": "not a number"}))
                sys.exit(0)
            if date == "%s":
                print("boom: the input file is corrupt", file=sys.stderr)
                sys.exit(1)
            if date == "%s":
                time.sleep(600)
            print(json.dumps({"game_date": date, "value": int(date[-2:]), "source": os.environ["BACKFILL_TABLE"]}))
            """.formatted(FLAKY, BAD_ROW, EXITS_1, HANGS);

    private static final String CATALOG = """
            tables:
              per_date_numbers:
                columns:
                  game_date: DATE REQUIRED
                  value: INT64 REQUIRED
                  source: STRING
                command: [python3, numbers.py, "{date}"]
                timeout_seconds: 8
            """;

    @TempDir
    Path home;
    @TempDir
    Path files;

    @Test
    void aProgramsTemporaryFailureRecoversAndItsBadRowsExitsAndHangsFailTheirDatesWithNothingWrittenAndNothingLeftRunning()
            throws Exception
    {
        assumeTrue(TestYourOwnTables.Python.available(), "python3 is not on the PATH: the command table's program cannot run");
        Files.writeString(files.resolve("numbers.py"), PROGRAM);
        Files.writeString(files.resolve("tables.yaml"), CATALOG);
        CoordinatorCli cli = StandaloneCli.at(home)
                .set("backfill.command-directory", files.toString())
                .set("backfill.demo-data", "false")
                // a hang costs two attempts, not a budget of five times three tries of 8 s each
                .set("backfill.max-attempts", "2")
                .set("backfill.retry-attempts", "1");
        assertThat(cli.run("tables", "apply", files.resolve("tables.yaml").toString()).exitCode()).isZero();

        CoordinatorCli.Result run = cli.run("run", "--table", "per_date_numbers", "--range", DAYS.toString(), "--workers", "4");
        assertThat(run.exitCode()).as("dates FAILED: exit 1\n" + run.out() + run.err()).isEqualTo(1);

        Map<String, String> failed = new HashMap<>();
        for (JsonNode date : JSON.readTree(cli.run("failed", "--range", DAYS.toString(), "--json").out()).get("failed")) {
            failed.put(date.get("date").asText(), date.get("message").asText());
        }
        assertThat(failed).containsOnlyKeys(BAD_ROW, EXITS_1, HANGS);
        assertThat(failed.get(BAD_ROW)).contains("stdout line 1: column 'value'", "not a number");
        assertThat(failed.get(EXITS_1)).contains("exited 1", "boom: the input file is corrupt");
        assertThat(failed.get(HANGS)).contains("passed its timeout of 8 s");

        TableDefinition definition = CatalogFileParser.parse("tables.yaml", CATALOG).tables().get(0);
        try (SqliteWarehouse warehouse = SqliteWarehouse.openReadOnly(home.resolve("warehouse.db"), new SchemaCatalog(List.of(definition.schema())))) {
            for (LocalDate date : DAYS.dates()) {
                long rows = warehouse.countPartition(definition.ref(), date);
                if (failed.containsKey(date.toString())) {
                    assertThat(rows).as("nothing written for the failed %s", date).isZero();
                }
                else {
                    assertThat(warehouse.read(definition.ref(), DateRange.single(date))).as("%s", date).singleElement()
                            .satisfies(row -> assertThat(row.getLong("value")).isEqualTo(date.getDayOfMonth()))
                            .satisfies(row -> assertThat(row.getString("source")).isEqualTo("per_date_numbers"));
                }
            }
        }
        assertThat(ProcessHandle.allProcesses().filter(process -> process.info().commandLine().orElse("").contains("numbers.py")).toList())
                .as("no program left running").isEmpty();
    }
}
