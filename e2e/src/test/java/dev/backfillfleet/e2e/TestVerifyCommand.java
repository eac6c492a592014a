package dev.backfillfleet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backfillfleet.coordinator.CoordinatorCli;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code coordinator verify} over a small imported schedule: a season starting 2024-10-22 with a
 * game every other day to 2024-11-19, so 2024-10-22..2024-11-04 is the bootstrap period and the
 * eight game dates 2024-11-05..2024-11-19 are counted. upcoming_team needs only the schedule.
 */
class TestVerifyCommand
{
    static final String RANGE = "2024-10-22..2024-11-20";

    @TempDir
    Path home;
    @TempDir
    Path files;

    private CoordinatorCli cli;

    @BeforeEach
    void importScheduleAndRunUpcomingTeam()
            throws IOException
    {
        cli = importScheduleAndRunUpcomingTeam(home, files);
    }

    /** The small season imported into {@code home} and upcoming_team run over {@link #RANGE}: 2 rows on each of its 15 game dates. */
    static CoordinatorCli importScheduleAndRunUpcomingTeam(Path home, Path files)
            throws IOException
    {
        CoordinatorCli cli = importSchedule(home, files);
        CoordinatorCli.Result run = cli.run("run", "--table", "upcoming_team", "--range", RANGE);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        return cli;
    }

    /** The small season's schedule imported into {@code home}, and nothing run. */
    static CoordinatorCli importSchedule(Path home, Path files)
            throws IOException
    {
        CoordinatorCli cli = StandaloneCli.at(home).set("backfill.demo-data", "false");
        List<String> lines = new ArrayList<>(List.of(RealSchedule.HEADER));
        LocalDate first = LocalDate.parse("2024-10-22");
        for (int game = 0; game < 15; game++) {
            LocalDate date = first.plusDays(2L * game);
            boolean bostonHome = game % 2 == 0;
            lines.add(String.format("00224000%02d,%s,2024,%s 19:30,3,%s,%s,%d,%d,true,false,false,,%s", game + 1, date, date, bostonHome ? "BOS" : "NYK",
                    bostonHome ? "NYK" : "BOS", 100 + game, 99, RealSchedule.LOADED_AT));
        }
        Path schedule = Files.writeString(files.resolve("schedule.csv"), String.join("\n", lines));
        // the whole schedule of the season so far, games 1 to 15: its dates without games had none
        assertThat(cli.run("import", "--table", "nba_raw.nbac_schedule", schedule.toString()).exitCode()).isZero();
        return cli;
    }

    @Test
    void everyVerifiedTableReachesTheThreshold()
    {
        CoordinatorCli.Result verify = cli.run("verify", "--range", RANGE, "--table", "upcoming_team");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out())
                .contains("8 game dates (7 more in the first 14 days of a season, not counted)")
                .containsPattern("upcoming_team_game_context +8 +8 +100.0% +0")
                .contains("All 1 tables reach 95.0%");
    }

    @Test
    void tablesNeverRunFallShortAndEveryMissingDateIsListed()
    {
        CoordinatorCli.Result verify = cli.run("verify", "--range", RANGE);
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out())
                .containsPattern("team_offense_game_summary +8 +0 +0.0% +8")
                .contains("Missing dates of team_offense_game_summary (8):")
                .contains("4 of 5 tables fall short of 95.0%");
        for (int game = 7; game < 15; game++) {
            assertThat(verify.out()).contains("  " + LocalDate.parse("2024-10-22").plusDays(2L * game) + "  never enqueued");
        }
    }

    @Test
    void aPartitionThatLostItsRowsIsNotVerified()
    {
        try (SqliteWarehouse warehouse = SqliteWarehouse.open(home.resolve("warehouse.db"), SchemaCatalog.standard())) {
            warehouse.replacePartition(AnalyticsSchemas.ref(AnalyticsTable.UPCOMING_TEAM), LocalDate.parse("2024-11-11"), List.of());
        }
        CoordinatorCli.Result strict = cli.run("verify", "--range", RANGE, "--table", "upcoming_team", "--threshold", "100");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out())
                .containsPattern("upcoming_team_game_context +8 +7 +87.5% +1")
                .contains("2024-11-11  the partition holds 0 rows, the record says 2 were written");
        assertThat(cli.run("verify", "--range", RANGE, "--table", "upcoming_team", "--threshold", "80").exitCode()).isZero();
    }

    @Test
    void aRangeInsideTheBootstrapPeriodHasNothingToCheckAndFails()
    {
        CoordinatorCli.Result verify = cli.run("verify", "--range", "2024-10-22..2024-10-30");
        assertThat(verify.exitCode()).as(verify.out()).isEqualTo(1);
        assertThat(verify.out())
                .contains("0 game dates (5 more in the first 14 days of a season, not counted)")
                .containsPattern("upcoming_team_game_context +0 +- +- +-  nothing to check")
                .contains("Nothing to check for upcoming_team_game_context: the range's 5 game dates all fall in the first 14 days of a season,"
                        + " the bootstrap period verify does not count (counting starts on 2024-11-05); its 9 enqueued dates there are not"
                        + " counted (5 SUCCEEDED, 4 NO_GAMES).")
                .contains("Nothing to check for team_offense_game_summary: the range's 5 game dates all fall in the first 14 days of a season")
                .contains("the table was never enqueued for any date of the range.")
                .contains("5 of 5 tables have nothing to check in 2024-10-22..2024-10-30, so none of them reaches 95.0%")
                .doesNotContain("All 5 tables reach")
                .doesNotContain("fall short");
    }

    @Test
    void aRangeWithoutGamesHasNothingToCheckAndFails()
    {
        CoordinatorCli.Result verify = cli.run("verify", "--range", "2024-07-01..2024-07-31", "--table", "upcoming_team", "--threshold", "0");
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out())
                .contains("Nothing to check for upcoming_team_game_context: the schedule (nba_raw.nbac_schedule) has no game on any date of"
                        + " the range; the table was never enqueued for any date of the range.")
                .contains("1 of 1 tables have nothing to check")
                .doesNotContain("reach 0.0%");
    }

    @Test
    void jsonCarriesDatesCheckedPassedAndEachMissingDateWithItsReason()
            throws IOException
    {
        try (SqliteWarehouse warehouse = SqliteWarehouse.open(home.resolve("warehouse.db"), SchemaCatalog.standard())) {
            warehouse.replacePartition(AnalyticsSchemas.ref(AnalyticsTable.UPCOMING_TEAM), LocalDate.parse("2024-11-11"), List.of());
        }
        CoordinatorCli.Result verify = cli.run("verify", "--range", RANGE, "--table", "upcoming_team,team_offense", "--json");
        assertThat(verify.exitCode()).isEqualTo(1);
        JsonNode document = new ObjectMapper().readTree(verify.out());
        assertThat(document.get("gameDates").asInt()).isEqualTo(8);
        assertThat(document.get("bootstrapDates").asInt()).isEqualTo(7);
        assertThat(document.get("ok").asBoolean()).isFalse();
        JsonNode upcoming = document.get("tables").get("upcoming_team_game_context");
        assertThat(upcoming.get("datesChecked").asInt()).isEqualTo(8);
        assertThat(upcoming.get("passed").asInt()).isEqualTo(7);
        assertThat(upcoming.get("coveragePercent").asDouble()).isEqualTo(87.5);
        assertThat(upcoming.get("reachesThreshold").asBoolean()).isFalse();
        assertThat(upcoming.get("nothingToCheck").isNull()).isTrue();
        assertThat(upcoming.get("missing")).hasSize(1);
        assertThat(upcoming.get("missing").get(0).get("date").asText()).isEqualTo("2024-11-11");
        assertThat(upcoming.get("missing").get(0).get("reason").asText()).isEqualTo("the partition holds 0 rows, the record says 2 were written");
        JsonNode offense = document.get("tables").get("team_offense_game_summary");
        assertThat(offense.get("passed").asInt()).isZero();
        assertThat(offense.get("missing")).hasSize(8).allSatisfy(missing -> assertThat(missing.get("reason").asText()).isEqualTo("never enqueued"));

        JsonNode nothing = new ObjectMapper().readTree(cli.run("verify", "--range", "2024-10-22..2024-10-30", "--table", "upcoming_team", "--json").out());
        assertThat(nothing.get("ok").asBoolean()).isFalse();
        JsonNode table = nothing.get("tables").get("upcoming_team_game_context");
        assertThat(table.get("datesChecked").asInt()).isZero();
        assertThat(table.get("coveragePercent").isNull()).isTrue();
        assertThat(table.get("reachesThreshold").asBoolean()).isFalse();
        assertThat(table.get("nothingToCheck").asText()).contains("bootstrap period");
    }

    /** History another pipeline wrote: rows in every partition, no state record of this fleet's. */
    @Test
    void rowsTheStateStoreNeverRecordedCountOnlyWithSourceData(@TempDir Path otherHome, @TempDir Path otherFiles)
            throws IOException
    {
        CoordinatorCli other = importSchedule(otherHome, otherFiles);
        TableRef upcoming = AnalyticsSchemas.ref(AnalyticsTable.UPCOMING_TEAM);
        try (SqliteWarehouse written = SqliteWarehouse.open(home.resolve("warehouse.db"), SchemaCatalog.standard());
                SqliteWarehouse theirs = SqliteWarehouse.open(otherHome.resolve("warehouse.db"), SchemaCatalog.standard())) {
            Map<LocalDate, List<Row>> partitions = new TreeMap<>();
            written.read(upcoming, DateRange.of(LocalDate.parse("2024-10-22"), LocalDate.parse("2024-11-20")))
                    .forEach(row -> partitions.computeIfAbsent(row.getDate("game_date"), ignored -> new ArrayList<>()).add(row));
            // one countable date left without rows
            partitions.remove(LocalDate.parse("2024-11-13"));
            theirs.replacePartitions(upcoming, partitions);
        }

        CoordinatorCli.Result strict = other.run("verify", "--range", RANGE, "--table", "upcoming_team");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).containsPattern("upcoming_team_game_context +8 +0 +0.0% +8").contains("never enqueued");

        CoordinatorCli.Result data = other.run("verify", "--range", RANGE, "--table", "upcoming_team", "--source", "data");
        assertThat(data.exitCode()).as(data.out()).isEqualTo(1);
        assertThat(data.out())
                .contains("8 game dates (7 more in the first 14 days of a season, not counted)")
                .contains("A date is covered when its partition holds rows (--source data)")
                .containsPattern("upcoming_team_game_context +8 +7 +87.5% +1")
                .contains("  2024-11-13  no rows in the partition");
        assertThat(other.run("verify", "--range", RANGE, "--table", "upcoming_team", "--source", "data", "--threshold", "85").exitCode()).isZero();
        JsonNode document = new ObjectMapper().readTree(other.run("verify", "--range", RANGE, "--table", "upcoming_team", "--source", "data", "--json").out());
        assertThat(document.get("source").asText()).isEqualTo("data");
        assertThat(document.get("tables").get("upcoming_team_game_context").get("passed").asInt()).isEqualTo(7);

        // the rows this fleet wrote count in both modes; a date it recorded without rows only in the default one
        try (SqliteWarehouse warehouse = SqliteWarehouse.open(home.resolve("warehouse.db"), SchemaCatalog.standard())) {
            warehouse.replacePartition(upcoming, LocalDate.parse("2024-11-11"), List.of());
        }
        assertThat(cli.run("verify", "--range", RANGE, "--table", "upcoming_team", "--source", "data").out())
                .containsPattern("upcoming_team_game_context +8 +7 +87.5% +1").contains("  2024-11-11  no rows in the partition");
        assertThat(cli.run("verify", "--range", RANGE, "--table", "upcoming_team", "--source", "sideways").exitCode()).isEqualTo(2);
    }

    @Test
    void badThresholdIsAUsageError()
    {
        assertThat(cli.run("verify", "--range", RANGE, "--threshold", "120").exitCode()).isEqualTo(2);
        assertThat(cli.run("verify", "--range", RANGE, "--threshold", "lots").exitCode()).isEqualTo(2);
        assertThat(cli.run("verify").exitCode()).isEqualTo(2);
    }
}
