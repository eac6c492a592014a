package dev.backfillfleet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backfillfleet.coordinator.CoordinatorCli;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code coordinator compare} of upcoming_team, computed by {@code run} over a small imported
 * season (TestVerifyCommand's), with copies of it in another dataset of the embedded warehouse,
 * as another pipeline would have written them: without one of our columns (consecutive_road_games)
 * and with one of theirs (created_at).
 */
class TestCompareCommand
{
    private static final String RANGE = TestVerifyCommand.RANGE;
    private static final TableSchema OURS = AnalyticsSchemas.upcomingTeam();
    private static final TableSchema THEIRS = TableSchema.partitioned(new TableRef("shadow", OURS.ref().table()), "game_date", Stream.concat(
                    OURS.columns().stream().filter(column -> !column.name().equals("consecutive_road_games")),
                    Stream.of(Column.nullable("created_at", ColumnType.TIMESTAMP)))
            .toList());
    private static final String WITH = THEIRS.ref().toString();

    @TempDir
    Path home;
    @TempDir
    Path files;

    private CoordinatorCli cli;

    @BeforeEach
    void importScheduleAndRunUpcomingTeam()
            throws IOException
    {
        cli = TestVerifyCommand.importScheduleAndRunUpcomingTeam(home, files);
    }

    @Test
    void anExactCopyIsEqual()
    {
        writeTheirs(row -> row);
        CoordinatorCli.Result compare = cli.run("compare", "--table", "upcoming_team", "--with", WITH, "--range", RANGE);
        assertThat(compare.exitCode()).as(compare.out() + compare.err()).isZero();
        assertThat(compare.out())
                .contains("matched on game_date, team_abbr (the real table's MERGE key)")
                .contains("Not compared (--ignore): data_hash, processed_at")
                .contains("Only in ours (1): consecutive_road_games")
                .contains("Only in " + WITH + " (1): created_at")
                .contains("Rows: 30 ours, 30 theirs, 30 matched.")
                .contains("Equal: 30 rows match on ")
                .doesNotContain("Differing values");
    }

    @Test
    void aFewChangedValuesAndARemovedRowAreReportedExactly()
            throws IOException
    {
        LocalDate removedDate = LocalDate.parse("2024-11-11");
        writeTheirs(row -> {
            LocalDate date = row.getDate("game_date");
            if (date.equals(removedDate) && row.getString("team_abbr").equals("NYK")) {
                return null;
            }
            if (date.equals(LocalDate.parse("2024-11-05")) && row.getString("team_abbr").equals("BOS")
                    || date.equals(LocalDate.parse("2024-11-15")) && row.getString("team_abbr").equals("NYK")) {
                return row.with("games_in_last_7_days", row.getLong("games_in_last_7_days") + 1);
            }
            if (date.equals(LocalDate.parse("2024-11-07")) && row.getString("team_abbr").equals("BOS")) {
                return row.with("is_back_to_back", !row.getBoolean("is_back_to_back"));
            }
            return row;
        });

        CoordinatorCli.Result compare = cli.run("compare", "--table", "upcoming_team", "--with", WITH, "--range", RANGE);
        assertThat(compare.exitCode()).as(compare.out() + compare.err()).isEqualTo(1);
        assertThat(compare.out())
                .contains("Rows: 30 ours, 29 theirs, 29 matched.")
                .contains("Rows only in ours (1):\n  2024-11-11, NYK")
                .doesNotContain("Rows only in " + WITH)
                .contains("  games_in_last_7_days: 2\n    2024-11-05, BOS: ours ")
                .contains("    2024-11-15, NYK: ours ")
                .containsPattern("  is_back_to_back: 1\n    2024-11-07, BOS: ours (true, theirs false|false, theirs true)\n")
                .contains("They differ: 1 row(s) only in ours, 0 only in theirs, 0 repeated key(s), 2 column(s) with differing values.");

        JsonNode document = new ObjectMapper().readTree(cli.run("compare", "--table", "upcoming_team", "--with", WITH, "--range", RANGE, "--json").out());
        assertThat(document.get("equal").asBoolean()).isFalse();
        assertThat(document.get("key")).extracting(JsonNode::asText).containsExactly("game_date", "team_abbr");
        assertThat(document.get("onlyOurs")).hasSize(1);
        assertThat(document.get("onlyOurs").get(0).get("game_date").asText()).isEqualTo("2024-11-11");
        assertThat(document.get("onlyOurs").get(0).get("team_abbr").asText()).isEqualTo("NYK");
        assertThat(document.get("onlyTheirs")).isEmpty();
        Map<String, Integer> counts = new TreeMap<>();
        document.get("differences").fields().forEachRemaining(entry -> counts.put(entry.getKey(), entry.getValue().get("count").asInt()));
        assertThat(counts).isEqualTo(Map.of("games_in_last_7_days", 2, "is_back_to_back", 1));
        JsonNode example = document.get("differences").get("games_in_last_7_days").get("examples").get(0);
        assertThat(example.get("theirs").asLong()).isEqualTo(example.get("ours").asLong() + 1);
        assertThat(document.get("columns").get("onlyOurs")).extracting(JsonNode::asText).containsExactly("consecutive_road_games");
        assertThat(document.get("columns").get("onlyTheirs")).extracting(JsonNode::asText).containsExactly("created_at");
        assertThat(document.get("columns").get("compared")).extracting(JsonNode::asText)
                .contains("games_in_last_7_days", "is_back_to_back", "game_spread")
                .doesNotContain("game_date", "team_abbr", "processed_at", "data_hash", "consecutive_road_games", "created_at");

        // dates outside the difference compare equal: --dates reads only those
        assertThat(cli.run("compare", "--table", "upcoming_team", "--with", WITH, "--dates", "2024-11-09,2024-11-13").exitCode()).isZero();
    }

    @Test
    void theBookkeepingColumnsAreComparedWhenAsked()
    {
        writeTheirs(row -> row.with("processed_at", Instant.parse("2025-01-01T00:00:00Z")));
        assertThat(cli.run("compare", "--table", "upcoming_team", "--with", WITH, "--range", RANGE).exitCode()).isZero();
        CoordinatorCli.Result all = cli.run("compare", "--table", "upcoming_team", "--with", WITH, "--range", RANGE, "--ignore", "none");
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.out()).contains("  processed_at: 30\n");
    }

    @Test
    void badUsageIsOneLineAndExitTwo()
    {
        writeTheirs(row -> row);
        assertUsage(cli.run("compare", "--table", "upcoming_team", "--with", "shadow.no_such_table", "--range", RANGE),
                "--with shadow.no_such_table: no such table in the warehouse");
        assertUsage(cli.run("compare", "--table", "no_such_table", "--with", WITH, "--range", RANGE), "no_such_table");
        assertUsage(cli.run("compare", "--table", "upcoming_team", "--with", "not a table", "--range", RANGE), "is not DATASET.TABLE");
        assertUsage(cli.run("compare", "--table", "upcoming_team", "--with", WITH), "--range");

        TableSchema keyless = TableSchema.partitioned(new TableRef("shadow", "keyless"), "game_date",
                OURS.columns().stream().filter(column -> !column.name().equals("team_abbr")).toList());
        try (SqliteWarehouse warehouse = SqliteWarehouse.open(home.resolve("warehouse.db"), new SchemaCatalog(List.of(OURS, keyless)))) {
            List<Row> rows = warehouse.read(OURS.ref(), DateRange.of(LocalDate.parse("2024-11-05"), LocalDate.parse("2024-11-05")));
            warehouse.replacePartition(keyless.ref(), LocalDate.parse("2024-11-05"), rows.stream().map(row -> row.project(keyless.columnNames())).toList());
        }
        assertUsage(cli.run("compare", "--table", "upcoming_team", "--with", "shadow.keyless", "--range", RANGE),
                "--with shadow.keyless lacks the key column(s) team_abbr of upcoming_team_game_context (the real table's MERGE key)");
    }

    private static void assertUsage(CoordinatorCli.Result result, String message)
    {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err()).contains(message);
        assertThat(result.err().strip().lines().filter(line -> !line.isBlank()).count()).as(result.err()).isLessThanOrEqualTo(2);
    }

    /** Our rows, each changed by {@code change} (null drops it), written as the other pipeline's table. */
    private void writeTheirs(UnaryOperator<Row> change)
    {
        try (SqliteWarehouse warehouse = SqliteWarehouse.open(home.resolve("warehouse.db"), new SchemaCatalog(List.of(OURS, THEIRS)))) {
            List<Row> ours = warehouse.read(AnalyticsSchemas.ref(AnalyticsTable.UPCOMING_TEAM), DateRange.of(LocalDate.parse("2024-10-22"), LocalDate.parse("2024-11-20")));
            assertThat(ours).hasSize(30);
            Map<LocalDate, List<Row>> partitions = new TreeMap<>();
            for (Row row : ours) {
                Row changed = change.apply(row);
                List<Row> partition = partitions.computeIfAbsent(row.getDate("game_date"), ignored -> new ArrayList<>());
                if (changed != null) {
                    partition.add(changed.project(THEIRS.columnNames()).with("created_at", Instant.parse("2024-12-01T00:00:00Z")));
                }
            }
            warehouse.replacePartitions(THEIRS.ref(), partitions);
        }
    }
}
