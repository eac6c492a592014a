package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowHash;
import dev.backfillfleet.worker.processor.ProcessorOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-computed fixture: three games on 2024-12-01, none played yet (status scheduled), after a
 * season schedule written by hand. BOS @ MIA has full lines, CHA @ CLE only a total, LAL @ GSW is
 * both teams' first game and has none.
 */
class TestUpcomingTeamProcessor
{
    private static final LocalDate DAY = LocalDate.parse("2024-12-01");

    @TempDir
    Path directory;
    private SqliteWarehouse warehouse;

    @BeforeEach
    void setUp()
    {
        warehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard());
        new RawData()
                // the previous season: never part of this season's history
                .game("0022301200", "2024-04-14 13:00", "WAS", "BOS", 100L, 130L)
                // BOS: W (home), W (away), W (home), W (away), L (away), L (away)
                .game("0022400001", "2024-10-22 19:30", "NYK", "BOS", 109L, 132L)
                .game("0022400020", "2024-10-24 19:00", "BOS", "WAS", 122L, 102L)
                .game("0022400200", "2024-11-20 19:30", "PHI", "BOS", 110L, 118L)
                .game("0022400250", "2024-11-25 20:00", "BOS", "CHI", 110L, 100L)
                .game("0022400270", "2024-11-27 19:00", "BOS", "CHA", 108L, 110L)
                .game("0022400290", "2024-11-30 19:30", "BOS", "CLE", 115L, 117L)
                // MIA: W (home), L (away at DEN)
                .game("0022400271", "2024-11-27 19:30", "DET", "MIA", 110L, 120L)
                .game("0022400285", "2024-11-29 21:00", "MIA", "DEN", 100L, 104L)
                // the day's games, not played yet
                .game("0022400300", "2024-12-01 18:00", "BOS", "MIA", null, null)
                .game("0022400301", "2024-12-01 18:00", "CHA", "CLE", null, null)
                .game("0022400302", "2024-12-01 21:30", "LAL", "GSW", null, null)
                .travel("CLE", "MIA", 1085, 0)
                .travel("MIA", "DEN", 1710, 2)
                // draftkings both markets; fanduel lists only the home team's spread
                .lines(DAY, "BOS", "MIA", "draftkings", -2.5, 214.5, "2024-11-30 18:00")
                .lines(DAY, "BOS", "MIA", "draftkings", -3.5, 215.5, "2024-12-01 17:50")
                .line(DAY, "BOS", "MIA", "fanduel", "spreads", "MIA", -3.0, "2024-11-30 19:00")
                .line(DAY, "BOS", "MIA", "fanduel", "spreads", "MIA", -4.5, "2024-12-01 17:55")
                .line(DAY, "CHA", "CLE", "draftkings", "totals", "over", 228.5, "2024-11-30 18:00")
                .line(DAY, "CHA", "CLE", "draftkings", "totals", "over", 230.5, "2024-12-01 17:50")
                .injury(DAY, "BOS", "Jayson Tatum", "out", "Ankle", "2024-12-01 13:30")
                .injury(DAY, "BOS", "Jaylen Brown", "questionable", "Knee", "2024-12-01 13:30")
                .injury(DAY, "BOS", "Jaylen Brown", "out", "Knee", "2024-12-01 17:00")
                .injury(DAY, "BOS", "Derrick White", "doubtful", "Illness", "2024-12-01 17:00")
                .injury(DAY, "BOS", "Al Horford", "out", "Rest", "2024-12-01 13:30")
                .injury(DAY, "BOS", "Al Horford", "probable", "Rest", "2024-12-01 17:00")
                .injury(DAY, "BOS", "Kristaps Porzingis", "questionable", "Leg", "2024-12-01 17:00")
                // published after tip-off: ignored
                .injury(DAY, "BOS", "Payton Pritchard", "out", "Back", "2024-12-01 19:00")
                .injury(DAY, "MIA", "Jimmy Butler", "out", "Illness", "2024-12-01 17:00")
                // this schedule is the season so far; the rest of the season is there too
                .wholeSeasons()
                .writeTo(warehouse);
    }

    @AfterEach
    void tearDown()
    {
        warehouse.close();
    }

    @Test
    void computesEveryColumn()
    {
        ProcessorOutput output = TableRuns.run(new UpcomingTeamProcessor(), warehouse, DAY);
        // by the table's game_id, which in the real upcoming_team_game_context is the 10-digit NBA id
        assertThat(output.expectedRowsByGame()).isEqualTo(Map.of("0022400300", 2L, "0022400301", 2L, "0022400302", 2L));
        List<Row> rows = TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_TEAM, DAY);
        assertThat(rows).hasSize(6);

        // BOS: last game 11-30 (1 day, rest 0, back-to-back); [11-24, 11-30]: 11-25, 11-27, 11-30; [11-17, 11-30]: and 11-20
        // six earlier games of 2024 (the April game is 2023's) -> game 7; newest first L L W: win streak 0, loss streak 2
        // last game 115-117: -2, L; away now after three away games (11-30, 11-27, 11-25; 11-20 was home) -> 4
        // from CLE's arena to MIA's: 1085 miles, 0 zones; MIA rests 1 day -> advantage 0 - 1 = -1
        Row boston = TableRuns.onlyRow(rows, "team_abbr", "BOS");
        assertIdentity(boston, "20241201_BOS_MIA", "0022400300", "MIA", false, "2024-12-01 18:00");
        assertSchedule(boston, 1L, 0L, true, 3, 4, 7, 0, 2, -2L, "L", 4, 1085L, 0L, 1L, -1L);
        // spreads: draftkings +3.5 (opening +2.5), fanduel minus MIA's -4.5 = +4.5 (opening +3.0): medians 4.0 and 2.75
        // total: draftkings only, 215.5 from 214.5
        assertLines(boston, 4.0, 2.75, 1.25, 215.5, 214.5, 1.0, "gold");
        // latest status out: Tatum, Brown (upgraded from questionable); questionable or doubtful: White, Porzingis
        // Horford's later probable replaces his out; Pritchard's report came after tip-off
        assertInjuries(boston, 2, 2);

        // MIA: last game 11-29 (2 days, rest 1); two earlier games -> game 3; newest L (100-104 at DEN): loss streak 1, margin -4
        // home: 0 road games; from DEN's arena, listed only as MIA -> DEN: 1710 miles, 2 zones; BOS rests 0 -> advantage 1
        Row miami = TableRuns.onlyRow(rows, "team_abbr", "MIA");
        assertIdentity(miami, "20241201_BOS_MIA", "0022400300", "BOS", true, "2024-12-01 18:00");
        assertSchedule(miami, 2L, 1L, false, 2, 2, 3, 0, 1, -4L, "L", 0, 1710L, 2L, 0L, 1L);
        assertLines(miami, -4.0, -2.75, -1.25, 215.5, 214.5, 1.0, "gold");
        assertInjuries(miami, 1, 0);

        // CLE: beat BOS at home on 11-30 (117-115) and is home again: same arena, 0 miles; CHA rests 3 -> advantage -3
        Row cleveland = TableRuns.onlyRow(rows, "team_abbr", "CLE");
        assertIdentity(cleveland, "20241201_CHA_CLE", "0022400301", "CHA", true, "2024-12-01 18:00");
        assertSchedule(cleveland, 1L, 0L, true, 1, 1, 2, 1, 0, 2L, "W", 0, 0L, 0L, 3L, -3L);
        // only a total: silver
        assertLines(cleveland, null, null, null, 230.5, 228.5, 2.0, "silver");
        assertInjuries(cleveland, 0, 0);

        // CHA: beat BOS at home on 11-27 (110-108): 4 days since, rest 3; away now: 1 road game; CHA -> CLE is not in the
        // distance table: unknown, NULL
        Row charlotte = TableRuns.onlyRow(rows, "team_abbr", "CHA");
        assertIdentity(charlotte, "20241201_CHA_CLE", "0022400301", "CLE", false, "2024-12-01 18:00");
        assertSchedule(charlotte, 4L, 3L, false, 1, 1, 2, 1, 0, 2L, "W", 1, null, null, 0L, 3L);
        assertLines(charlotte, null, null, null, 230.5, 228.5, 2.0, "silver");

        // first game of the season for both: no rest figures, game 1, no travel, no lines
        Row lakers = TableRuns.onlyRow(rows, "team_abbr", "LAL");
        assertIdentity(lakers, "20241201_LAL_GSW", "0022400302", "GSW", false, "2024-12-01 21:30");
        assertSchedule(lakers, null, null, false, 0, 0, 1, 0, 0, null, null, 1, 0L, 0L, null, null);
        assertLines(lakers, null, null, null, null, null, null, "bronze");
        Row warriors = TableRuns.onlyRow(rows, "team_abbr", "GSW");
        assertSchedule(warriors, null, null, false, 0, 0, 1, 0, 0, null, null, 0, 0L, 0L, null, null);
        assertLines(warriors, null, null, null, null, null, null, "bronze");
        assertInjuries(warriors, 0, 0);

        rows.forEach(row -> {
            assertThat(row.getDate("game_date")).isEqualTo(DAY);
            assertThat(row.getLong("season_year")).isEqualTo(2024L);
            assertThat(row.getString("data_hash")).isEqualTo(RowHash.of(AnalyticsSchemas.upcomingTeam(), row));
            assertThat(row.getTimestamp("processed_at")).isEqualTo(TableRuns.PROCESSED_AT);
        });
    }

    private static void assertIdentity(Row row, String gameId, String nbaGameId, String opponent, boolean home, String startEt)
    {
        // real-warehouse.md 2.5: game_id is the 10-digit id here, the standard id has a name of its own
        assertThat(row.getString("game_id")).isEqualTo(nbaGameId);
        assertThat(row.getString("standard_game_id")).isEqualTo(gameId);
        assertThat(row.getString("opponent_team_abbr")).isEqualTo(opponent);
        assertThat(row.getBoolean("home_game")).isEqualTo(home);
        assertThat(row.getTimestamp("start_time_et")).isEqualTo(RawData.et(startEt));
    }

    @SuppressWarnings("ParameterNumber")
    private static void assertSchedule(Row row, Long daysSince, Long daysRest, boolean backToBack, long games7, long games14, long gameNumber,
            long winStreak, long lossStreak, Long lastMargin, String lastResult, long roadGames, Long miles, Long zones, Long opponentRest,
            Long restAdvantage)
    {
        assertThat(row.getBoolean("is_back_to_back")).as("is_back_to_back, as team_back_to_back").isEqualTo(backToBack);
        List<String> columns = List.of("days_since_last_game", "team_days_rest", "team_back_to_back", "games_in_last_7_days", "games_in_last_14_days",
                "game_number_in_season", "team_win_streak_entering", "team_loss_streak_entering", "last_game_margin", "last_game_result",
                "consecutive_road_games", "travel_miles", "time_zones_crossed", "opponent_days_rest", "rest_advantage");
        assertThat(columns.stream().map(row::get).toList()).as(row.getString("team_abbr"))
                .isEqualTo(Arrays.asList(daysSince, daysRest, backToBack, games7, games14, gameNumber, winStreak, lossStreak, lastMargin, lastResult,
                        roadGames, miles, zones, opponentRest, restAdvantage));
    }

    private static void assertLines(Row row, Double spread, Double openingSpread, Double spreadMovement, Double total, Double openingTotal,
            Double totalMovement, String tier)
    {
        // NUMERIC(5,2) spreads, (6,2) totals
        assertThat(Arrays.asList(row.getDecimal("game_spread"), row.getDecimal("opening_spread"), row.getDecimal("spread_movement"),
                row.getDecimal("game_total"), row.getDecimal("opening_total"), row.getDecimal("total_movement"), row.getString("quality_tier")))
                .as(row.getString("team_abbr"))
                .isEqualTo(Arrays.asList(Numeric.ofNullable(spread, 2), Numeric.ofNullable(openingSpread, 2), Numeric.ofNullable(spreadMovement, 2),
                        Numeric.ofNullable(total, 2), Numeric.ofNullable(openingTotal, 2), Numeric.ofNullable(totalMovement, 2), tier));
    }

    private static void assertInjuries(Row row, long out, long questionable)
    {
        assertThat(row.getLong("starters_out_count")).isEqualTo(out);
        assertThat(row.getLong("questionable_players_count")).isEqualTo(questionable);
    }
}
