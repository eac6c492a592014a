package dev.backfillfleet.worker.tables;

import dev.backfillfleet.demo.DemoGame;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schedule.Schedule;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.backfillfleet.domain.AnalyticsTable.PLAYER_SUMMARY;
import static dev.backfillfleet.domain.AnalyticsTable.TEAM_DEFENSE;
import static dev.backfillfleet.domain.AnalyticsTable.TEAM_OFFENSE;
import static dev.backfillfleet.domain.AnalyticsTable.UPCOMING_PLAYER;
import static dev.backfillfleet.domain.AnalyticsTable.UPCOMING_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five tables computed over a generated month of the demo league (November 2024, with
 * the season's first days before it as history), checked against each other and the raw data.
 */
class TestCrossTableInvariants
{
    private static final LocalDate SEASON_START = LocalDate.parse("2024-10-22");
    private static final DateRange MONTH = DateRange.of(LocalDate.parse("2024-11-01"), LocalDate.parse("2024-11-30"));

    @TempDir
    static Path directory;

    private static SqliteWarehouse warehouse;

    @BeforeAll
    static void computeTheMonth()
    {
        warehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard());
        DemoWindow.seed(warehouse, DemoWindow.league(), DateRange.of(SEASON_START.minusDays(30), MONTH.last()));
        // the season's first days too, so that November's 30-day histories are complete
        TableRuns.runAll(warehouse, DateRange.of(SEASON_START.minusDays(30), MONTH.last()));
    }

    @AfterAll
    static void close()
    {
        warehouse.close();
    }

    @Test
    void everyGameDateOfTheMonthHasRowsInEveryTable()
    {
        for (LocalDate date : MONTH.dates()) {
            long games = Schedule.gamesOn(warehouse, date).size();
            assertThat(TableRuns.rows(warehouse, TEAM_OFFENSE, date)).as("team_offense %s", date).hasSize((int) (2 * games));
            assertThat(TableRuns.rows(warehouse, TEAM_DEFENSE, date)).as("team_defense %s", date).hasSize((int) (2 * games));
            assertThat(TableRuns.rows(warehouse, UPCOMING_TEAM, date)).as("upcoming_team %s", date).hasSize((int) (2 * games));
        }
    }

    @Test
    void pointsAllowedAreTheOpponentsPoints()
    {
        for (LocalDate date : MONTH.dates()) {
            Map<String, Row> offense = byGameAndTeam(TableRuns.rows(warehouse, TEAM_OFFENSE, date), "team_abbr");
            for (Row defense : TableRuns.rows(warehouse, TEAM_DEFENSE, date)) {
                Row opponent = offense.get(defense.getString("nba_game_id") + "|" + defense.getString("opponent_team_abbr"));
                assertThat(defense.getLong("points_allowed")).as("%s", defense).isEqualTo(opponent.getLong("points_scored"));
                assertThat(defense.getDecimal("defensive_rating")).isEqualTo(opponent.getDecimal("offensive_rating"));
                assertThat(defense.getDecimal("opponent_pace")).isEqualTo(opponent.getDecimal("pace"));
                assertThat(defense.getLong("opp_fg_makes")).isEqualTo(opponent.getLong("fg_makes"));
                assertThat(defense.getLong("three_pt_points_allowed")).isEqualTo(3 * opponent.getLong("three_pt_makes"));
            }
        }
    }

    @Test
    void playerPointsAddUpToTeamPoints()
    {
        for (LocalDate date : MONTH.dates()) {
            Map<String, Long> playerPoints = TableRuns.rows(warehouse, PLAYER_SUMMARY, date).stream()
                    .filter(row -> row.getLong("points") != null)
                    .collect(Collectors.groupingBy(row -> row.getString("nba_game_id") + "|" + row.getString("team_abbr"),
                            Collectors.summingLong(row -> row.getLong("points"))));
            Map<String, Row> offense = byGameAndTeam(TableRuns.rows(warehouse, TEAM_OFFENSE, date), "team_abbr");
            assertThat(playerPoints.keySet()).isEqualTo(offense.keySet());
            offense.forEach((key, team) -> assertThat(playerPoints.get(key)).as(key).isEqualTo(team.getLong("points_scored")));
        }
    }

    @Test
    void winFlagsOfPlayersFollowTheirTeam()
    {
        for (LocalDate date : MONTH.dates()) {
            Map<String, Row> offense = byGameAndTeam(TableRuns.rows(warehouse, TEAM_OFFENSE, date), "team_abbr");
            for (Row player : TableRuns.rows(warehouse, PLAYER_SUMMARY, date)) {
                Row team = offense.get(player.getString("nba_game_id") + "|" + player.getString("team_abbr"));
                assertThat(player.getBoolean("win_flag")).isEqualTo(team.getBoolean("win_flag"));
            }
        }
    }

    @Test
    void upcomingTeamRestAgreesWithTheSchedule()
    {
        Map<String, List<LocalDate>> datesByTeam = new HashMap<>();
        for (DemoGame game : DemoWindow.league().season(2024).schedule()) {
            datesByTeam.computeIfAbsent(game.homeTeam(), team -> new ArrayList<>()).add(game.gameDate());
            datesByTeam.computeIfAbsent(game.awayTeam(), team -> new ArrayList<>()).add(game.gameDate());
        }
        int checked = 0;
        for (LocalDate date : MONTH.dates()) {
            for (Row row : TableRuns.rows(warehouse, UPCOMING_TEAM, date)) {
                List<LocalDate> earlier = datesByTeam.get(row.getString("team_abbr")).stream().filter(day -> day.isBefore(date)).sorted().toList();
                LocalDate previous = earlier.get(earlier.size() - 1);
                long expectedRest = ChronoUnit.DAYS.between(previous, date) - 1;
                assertThat(row.getLong("team_days_rest")).as("%s %s", date, row.getString("team_abbr")).isEqualTo(expectedRest);
                assertThat(row.getLong("days_since_last_game")).isEqualTo(expectedRest + 1);
                assertThat(row.getBoolean("team_back_to_back")).isEqualTo(expectedRest == 0);
                assertThat(row.getBoolean("is_back_to_back")).isEqualTo(expectedRest == 0);
                assertThat(row.getLong("game_number_in_season")).isEqualTo(earlier.size() + 1L);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(400);
    }

    @Test
    void upcomingPlayerRowsAreTheActiveAndDnpGamebookRows()
    {
        for (LocalDate date : MONTH.dates()) {
            Map<String, List<String>> expected = new TreeMap<>();
            // the demo's stale rows under the 10-digit id are earlier copies of the standard ones
            warehouse.read(RawTables.GAMEBOOK_PLAYER_STATS, DateRange.single(date)).stream()
                    .filter(row -> row.getString("game_id").contains("_"))
                    .filter(row -> !row.getString("player_status").equalsIgnoreCase("inactive"))
                    .forEach(row -> expected.computeIfAbsent(row.getString("game_id"), game -> new ArrayList<>()).add(row.getString("player_lookup")));
            Map<String, List<String>> actual = new TreeMap<>();
            TableRuns.rows(warehouse, UPCOMING_PLAYER, date)
                    .forEach(row -> actual.computeIfAbsent(row.getString("game_id"), game -> new ArrayList<>()).add(row.getString("player_lookup")));
            assertThat(actual).as("%s", date).isEqualTo(expected);
        }
    }

    @Test
    void upcomingPlayerFeaturesArePopulatedInMidSeason()
    {
        List<Row> rows = TableRuns.rows(warehouse, UPCOMING_PLAYER, LocalDate.parse("2024-11-25"));
        assertThat(rows).isNotEmpty();
        assertThat(rows).anySatisfy(row -> assertThat(row.getString("quality_tier")).isEqualTo("gold"));
        assertThat(rows).allSatisfy(row -> {
            // the real days_rest: days since the last game, one more than player_days_rest
            assertThat(row.getLong("days_rest")).isNotNull().isEqualTo(row.getLong("player_days_rest") + 1);
            assertThat(row.getDecimal("opponent_pace_last_10")).isNotNull();
            assertThat(row.getDecimal("pace_differential")).isNotNull();
        });
        assertThat(rows.stream().filter(row -> row.getDecimal("current_points_line") != null).count()).isGreaterThan(rows.size() / 2);
        assertThat(rows.stream().filter(row -> row.getDecimal("game_spread") != null).count()).isGreaterThan(rows.size() / 2);
    }

    private static Map<String, Row> byGameAndTeam(List<Row> rows, String teamColumn)
    {
        return rows.stream().collect(Collectors.toMap(row -> row.getString("nba_game_id") + "|" + row.getString(teamColumn), row -> row));
    }
}
