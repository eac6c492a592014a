package dev.backfillfleet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backfillfleet.catalog.CatalogFileParser;
import dev.backfillfleet.catalog.TableDefinition;
import dev.backfillfleet.coordinator.CoordinatorCli;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A new user's catalog file on the embedded default, the README's example (examples/): a SQL
 * table over a built-in table with a window, and a command table written in Python, applied and
 * backfilled over a month with `run` in this JVM; the rows are held against a computation of their
 * own, verify passes, a second run has nothing to do, and a changed SQL makes exactly the dates it
 * computed STALE.
 */
class TestYourOwnTables
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateRange MONTH = DateRange.of(LocalDate.parse("2024-11-01"), LocalDate.parse("2024-11-30"));
    private static final String WEEKLY_ASSISTS = "weekly_assists";
    private static final String TURNOVER_LEADERS = "turnover_leaders";

    @TempDir
    Path home;
    @TempDir
    Path files;

    @Test
    void aSqlTableAndAPythonTableOfTheUsersAreBackfilledVerifiedAndGoStaleWhenTheirSqlChanges()
            throws Exception
    {
        assumeTrue(Python.available(), "python3 is not on the PATH: the command table's program cannot run");
        Path examples = Path.of("").toAbsolutePath().getParent().resolve("examples");
        String example = Files.readString(examples.resolve("tables.yaml"));
        Path catalogFile = files.resolve("tables.yaml");
        Files.writeString(catalogFile, example);
        CoordinatorCli cli = StandaloneCli.at(home).set("backfill.command-directory", examples.toString());

        CoordinatorCli.Result applied = cli.run("tables", "apply", catalogFile.toString());
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        assertThat(applied.out()).contains("catalog version 0 -> 1").contains(WEEKLY_ASSISTS + " ", "added (sql), version 1")
                .contains(TURNOVER_LEADERS + " ", "added (command), version 1");
        assertThat(cli.run("tables").out()).contains("Table catalog version 1: 6 built-in tables, 2 of yours.").contains("team_offense_game_summary [-6, 0]");

        String tables = "team_offense," + WEEKLY_ASSISTS + ",turnovers";
        CoordinatorCli.Result run = cli.run("run", "--table", tables, "--range", MONTH.toString(), "--workers", "4");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Map<String, Map<String, Integer>> states = states(cli);
        for (String table : List.of(WEEKLY_ASSISTS, TURNOVER_LEADERS)) {
            assertThat(states.get(table).keySet()).as("%s: every date done", table).isSubsetOf("SUCCEEDED", "NO_GAMES");
            assertThat(states.get(table).values().stream().mapToInt(Integer::intValue).sum()).as(table).isEqualTo(MONTH.size());
        }

        Map<String, TableDefinition> definitions = new HashMap<>();
        CatalogFileParser.parse("tables.yaml", example).tables().forEach(definition -> definitions.put(definition.name(), definition));
        List<TableSchema> schemas = new ArrayList<>(RawTables.all());
        schemas.addAll(AnalyticsSchemas.all());
        definitions.values().forEach(definition -> schemas.add(definition.schema()));
        try (SqliteWarehouse warehouse = SqliteWarehouse.openReadOnly(home.resolve("warehouse.db"), new SchemaCatalog(schemas))) {
            List<Row> offense = warehouse.read(AnalyticsSchemas.ref(AnalyticsTable.TEAM_OFFENSE), DateRange.of(MONTH.first().minusDays(6), MONTH.last()));
            assertThat(offense).as("team_offense was computed").isNotEmpty();
            for (LocalDate date : MONTH.dates()) {
                assertThat(valuesOf(warehouse.read(definitions.get(WEEKLY_ASSISTS).ref(), DateRange.single(date)), "assists"))
                        .as("weekly assists on %s", date).isEqualTo(weeklyAssists(offense, date));
                assertThat(valuesOf(warehouse.read(definitions.get(TURNOVER_LEADERS).ref(), DateRange.single(date)), "turnovers"))
                        .as("turnover leaders on %s", date).isEqualTo(turnoverLeaders(offense, date));
            }
        }

        CoordinatorCli.Result verify = cli.run("verify", "--table", WEEKLY_ASSISTS + "," + TURNOVER_LEADERS, "--range", MONTH.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        CoordinatorCli.Result again = cli.run("run", "--table", tables, "--range", MONTH.toString(), "--workers", "4");
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains(": 0 dates to process");

        Files.writeString(catalogFile, example.replace("SUM(assists) AS assists", "SUM(assists) + 0 AS assists"));
        CoordinatorCli.Result changed = cli.run("tables", "apply", catalogFile.toString());
        assertThat(changed.exitCode()).as(changed.out() + changed.err()).isZero();
        assertThat(changed.out()).contains("changed (sql), version 1 -> 2").contains(TURNOVER_LEADERS + " ", "unchanged, version 1");
        JsonNode stale = JSON.readTree(cli.run("status", "--range", MONTH.toString(), "--stale", "--json").out()).get("stale");
        assertThat(stale.get(WEEKLY_ASSISTS)).as("every date the old SQL computed").hasSize(MONTH.size());
        assertThat(stale.get(TURNOVER_LEADERS)).as("an unchanged table stays fresh").isEmpty();
        assertThat(stale.get(AnalyticsTable.TEAM_OFFENSE.tableName())).isEmpty();

        CoordinatorCli.Result rerun = cli.run("enqueue", "--stale", "--table", WEEKLY_ASSISTS);
        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
        assertThat(rerun.out()).contains("queued " + MONTH.size() + " dates");
    }

    private static Map<String, Long> weeklyAssists(List<Row> offense, LocalDate date)
    {
        Map<String, Long> assists = new TreeMap<>();
        for (Row row : offense) {
            LocalDate day = row.getDate("game_date");
            if (!day.isBefore(date.minusDays(6)) && !day.isAfter(date)) {
                assists.merge(row.getString("team_abbr"), row.getLong("assists"), Long::sum);
            }
        }
        return assists;
    }

    private static Map<String, Long> turnoverLeaders(List<Row> offense, LocalDate date)
    {
        List<Row> ofDay = new ArrayList<>(offense.stream().filter(row -> row.getDate("game_date").equals(date)).toList());
        ofDay.sort((left, right) -> left.getLong("turnovers").equals(right.getLong("turnovers"))
                ? left.getString("team_abbr").compareTo(right.getString("team_abbr"))
                : Long.compare(right.getLong("turnovers"), left.getLong("turnovers")));
        Map<String, Long> leaders = new TreeMap<>();
        ofDay.stream().limit(3).forEach(row -> leaders.put(row.getString("team_abbr"), row.getLong("turnovers")));
        return leaders;
    }

    private static Map<String, Long> valuesOf(List<Row> rows, String column)
    {
        Map<String, Long> values = new TreeMap<>();
        rows.forEach(row -> values.put(row.getString("team_abbr"), row.getLong(column)));
        return values;
    }

    /** Per table, dates per state (only states with dates). */
    private static Map<String, Map<String, Integer>> states(CoordinatorCli cli)
            throws IOException
    {
        JsonNode tables = JSON.readTree(cli.run("status", "--range", MONTH.toString(), "--json").out()).get("tables");
        Map<String, Map<String, Integer>> states = new HashMap<>();
        tables.fields().forEachRemaining(table -> {
            Map<String, Integer> counts = new HashMap<>();
            table.getValue().fields().forEachRemaining(entry -> {
                if (entry.getValue().asInt() > 0) {
                    counts.put(entry.getKey(), entry.getValue().asInt());
                }
            });
            states.put(table.getKey(), counts);
        });
        return states;
    }

    static final class Python
    {
        static boolean available()
        {
            try {
                Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                return process.waitFor() == 0;
            }
            catch (IOException e) {
                return false;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
