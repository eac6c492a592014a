package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.worker.processor.ProcessorOutput;
import dev.backfillfleet.worker.processor.RowsVerification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.backfillfleet.worker.tables.RawData.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One regression test per numbered defect of the old pipeline (analytics-tables.md, the list at the end). */
class TestDefectRegressions
{
    private static final LocalDate DAY = LocalDate.parse("2024-11-01");
    private static final RawData.Stats BOX = stats(40, 85, 12, 35, 18, 22, 10, 35, 25, 12, 7, 5, 18);     // 110 points
    private static final RawData.Stats WINNING_BOX = stats(42, 88, 14, 38, 15, 20, 9, 33, 27, 14, 8, 4, 20);  // 113 points

    @TempDir
    Path directory;
    private SqliteWarehouse warehouse;

    @BeforeEach
    void setUp()
    {
        warehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard());
    }

    @AfterEach
    void tearDown()
    {
        warehouse.close();
    }

    @Test
    void defect01_dateWhereNothingWasWrittenFails()
    {
        // a write that left the partition empty is not a success: expected vs written, and the games that are short
        ProcessorOutput output = ProcessorOutput.of(List.of(), Map.of("20241101_BOS_NYK", 2L, "20241101_LAL_GSW", 2L));
        assertThatThrownBy(() -> RowsVerification.verify("team_defense_game_summary", output, 0))
                .isInstanceOf(FleetException.class)
                .hasMessageContaining("expected 4 rows, wrote 0")
                .hasMessageContaining("20241101_BOS_NYK (expected 2, wrote 0)")
                .hasMessageContaining("20241101_LAL_GSW (expected 2, wrote 0)");
        // and a final game without inputs fails the date instead of writing nothing for it
        new RawData().game("0022400101", "2024-11-01 19:30", "BOS", "NYK", 113L, 110L).writeTo(warehouse);
        for (var processor : List.of(new TeamDefenseProcessor(), new PlayerSummaryProcessor(), new UpcomingPlayerProcessor())) {
            assertThatThrownBy(() -> TableRuns.run(processor, warehouse, DAY))
                    .hasMessageContaining(processor.table().tableName())
                    .hasMessageContaining("20241101_BOS_NYK");
        }
    }

    @Test
    void defect02_twoPointShotWithUnknownDistanceIsInNoZone()
    {
        twoTeamGame(DAY, "BOS", "NYK", "240:00")
                .shot(DAY, "BOS", "NYK", "BOS", "2PT", null, true, false)
                .shot(DAY, "BOS", "NYK", "BOS", "2PT", null, false, true)
                .writeTo(warehouse);
        TableRuns.run(new TeamDefenseProcessor(), warehouse, DAY);
        Row newYork = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.TEAM_DEFENSE, DAY), "defending_team_abbr", "NYK");
        for (String column : List.of("opp_paint_attempts", "opp_paint_makes", "opp_mid_range_attempts", "opp_mid_range_makes",
                "points_in_paint_allowed", "mid_range_points_allowed", "blocks_paint", "blocks_mid_range", "blocks_three_pt")) {
            assertThat(newYork.getLong(column)).as(column).isZero();
        }
    }

    @Test
    void defect03_opponentPaceIsPossessionsPer48MinutesNotThePossessionCount()
    {
        twoTeamGame(DAY, "BOS", "NYK", "290:00").writeTo(warehouse);
        TableRuns.run(new TeamDefenseProcessor(), warehouse, DAY);
        Row newYork = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.TEAM_DEFENSE, DAY), "defending_team_abbr", "NYK");
        // BOS possessions 88 + 8.8 - 9 + 14 = 101.8 in 290 team minutes: 101.8 x 48 / 58 = 84.248
        assertThat(newYork.getDouble("opp_possessions")).isEqualTo(101.8);
        assertThat(newYork.getDouble("opponent_pace")).isEqualTo(84.2);
    }

    @Test
    void defect04_overtimePeriodsAndPlayerWinFlagAreComputed()
    {
        twoTeamGame(DAY, "BOS", "NYK", "290:00")
                .player(DAY, "BOS", "NYK", "BOS", "Jayson Tatum", "active", "50:00", stats(9, 24, 4, 12, 5, 6, 2, 9, 6, 4, 1, 1, 3), 3L)
                .player(DAY, "BOS", "NYK", "NYK", "Jalen Brunson", "active", "52:00", stats(11, 20, 3, 8, 6, 7, 1, 3, 8, 3, 1, 0, 2), -3L)
                .writeTo(warehouse);
        TableRuns.run(new TeamOffenseProcessor(), warehouse, DAY);
        TableRuns.run(new TeamDefenseProcessor(), warehouse, DAY);
        TableRuns.run(new PlayerSummaryProcessor(), warehouse, DAY);
        assertThat(TableRuns.rows(warehouse, AnalyticsTable.TEAM_DEFENSE, DAY))
                .allSatisfy(row -> assertThat(row.getLong("overtime_periods")).isEqualTo(2L));
        List<Row> players = TableRuns.rows(warehouse, AnalyticsTable.PLAYER_SUMMARY, DAY);
        assertThat(TableRuns.onlyRow(players, "player_lookup", "jaysontatum").getBoolean("win_flag")).isTrue();
        assertThat(TableRuns.onlyRow(players, "player_lookup", "jalenbrunson").getBoolean("win_flag")).isFalse();
    }

    @Test
    void defect05_eachTeamGetsItsOwnSpread()
    {
        contextGame().lines(DAY, "BOS", "NYK", "draftkings", -6.5, 221.5, "2024-11-01 19:00").writeTo(warehouse);
        TableRuns.run(new UpcomingTeamProcessor(), warehouse, DAY);
        TableRuns.run(new UpcomingPlayerProcessor(), warehouse, DAY);
        List<Row> teams = TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_TEAM, DAY);
        assertThat(TableRuns.onlyRow(teams, "team_abbr", "NYK").getDouble("game_spread")).isEqualTo(-6.5);
        assertThat(TableRuns.onlyRow(teams, "team_abbr", "BOS").getDouble("game_spread")).isEqualTo(6.5);
        List<Row> players = TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_PLAYER, DAY);
        assertThat(TableRuns.onlyRow(players, "player_lookup", "jalenbrunson").getDouble("game_spread")).isEqualTo(-6.5);
        assertThat(TableRuns.onlyRow(players, "player_lookup", "jaysontatum").getDouble("game_spread")).isEqualTo(6.5);
    }

    @Test
    void defect06_teamLinesJoinByDateAndTeamsNotByAGameId()
    {
        // the lines carry no game id at all, and this feed lists the teams the other way round
        contextGame()
                .line(DAY, "NYK", "BOS", "draftkings", "spreads", "NYK", -4.5, "2024-11-01 19:00")
                .line(DAY, "NYK", "BOS", "draftkings", "totals", "over", 219.5, "2024-11-01 19:00")
                .writeTo(warehouse);
        TableRuns.run(new UpcomingTeamProcessor(), warehouse, DAY);
        List<Row> teams = TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_TEAM, DAY);
        assertThat(teams).allSatisfy(row -> {
            assertThat(row.getDouble("game_spread")).isNotNull();
            assertThat(row.getDouble("game_total")).isEqualTo(219.5);
            assertThat(row.getString("quality_tier")).isEqualTo("gold");
        });
        assertThat(TableRuns.onlyRow(teams, "team_abbr", "BOS").getDouble("game_spread")).isEqualTo(4.5);
    }

    @Test
    void defect07_inactivePlayersAreNotInThePlayerContextWhateverTheCase()
    {
        contextGame()
                .notPlaying(DAY, "BOS", "NYK", "BOS", "Jaylen Brown", "Inactive")
                .notPlaying(DAY, "BOS", "NYK", "BOS", "Derrick White", "INACTIVE")
                .notPlaying(DAY, "BOS", "NYK", "NYK", "Josh Hart", " inactive ")
                .notPlaying(DAY, "BOS", "NYK", "NYK", "Mitchell Robinson", "DNP")
                .writeTo(warehouse);
        ProcessorOutput output = TableRuns.run(new UpcomingPlayerProcessor(), warehouse, DAY);
        assertThat(output.rows()).extracting(row -> row.getString("player_lookup"))
                .containsExactlyInAnyOrder("jaysontatum", "jalenbrunson", "mitchellrobinson");
    }

    @Test
    void defect08_featuresAreComputedForDatesBeforeTheOldFloors()
    {
        LocalDate day = LocalDate.parse("2021-11-15");
        new RawData()
                .game("0022100001", "2021-11-13 19:30", "BOS", "NYK", 110L, 100L)
                .game("0022100002", "2021-11-15 19:30", "NYK", "BOS", 105L, 101L)
                .player(day, "NYK", "BOS", "BOS", "Jayson Tatum", "active", "36:00", stats(9, 20, 2, 7, 4, 4, 1, 6, 4, 2, 1, 0, 2), 2L)
                .player(day, "NYK", "BOS", "NYK", "Jalen Brunson", "active", "36:00", stats(9, 20, 2, 7, 4, 4, 1, 6, 4, 2, 1, 0, 2), -2L)
                .pastGame(LocalDate.parse("2021-11-13"), "BOS", "NYK", "Jayson Tatum", 0L, 12.0)
                .pastGame(LocalDate.parse("2021-11-10"), "BOS", "NYK", "Jayson Tatum", 30L, 35.0)
                .pastOffense(LocalDate.parse("2021-11-13"), "NYK", 98.0, 110.0)
                .wholeSeasons()
                .prop(day, "NYK", "BOS", "Jayson Tatum", "fanduel", 24.5, "2021-11-15 19:00", 30)
                .lines(day, "NYK", "BOS", "fanduel", -3.5, 215.5, "2021-11-15 19:00")
                .writeTo(warehouse);
        TableRuns.run(new UpcomingTeamProcessor(), warehouse, day);
        TableRuns.run(new UpcomingPlayerProcessor(), warehouse, day);
        Row tatum = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_PLAYER, day), "player_lookup", "jaysontatum");
        assertThat(tatum.getDecimal("points_avg_last_5")).isEqualTo(Numeric.of(15.0, 1));
        assertThat(tatum.getLong("player_days_rest")).isEqualTo(1L);
        assertThat(tatum.getDouble("minutes_in_last_7_days")).isEqualTo(47.0);
        assertThat(tatum.getDecimal("current_points_line")).isEqualTo(Numeric.of(24.5, 1));
        assertThat(tatum.getDecimal("opponent_pace_last_10")).isEqualTo(Numeric.of(98.0, 2));
        Row boston = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_TEAM, day), "team_abbr", "BOS");
        assertThat(boston.getLong("game_number_in_season")).isEqualTo(2L);
        assertThat(boston.getLong("team_days_rest")).isEqualTo(1L);
        assertThat(boston.getDecimal("game_spread")).isEqualTo(Numeric.of(-3.5, 2));
    }

    @Test
    void defect09_gameNumberInSeasonCountsTheWholeSeason()
    {
        RawData data = new RawData();
        // ten BOS games a week apart from the season's start, the last one 4 days before: only five of them in the last 30 days
        LocalDate first = LocalDate.parse("2024-10-22");
        for (int game = 0; game < 10; game++) {
            data.game("00224000" + (10 + game), first.plusDays(7L * game) + " 19:30", "BOS", "NYK", 100L, 90L);
        }
        LocalDate day = first.plusDays(7L * 9 + 4);
        data.game("0022400099", day + " 19:30", "BOS", "NYK", null, null).wholeSeasons().writeTo(warehouse);
        TableRuns.run(new UpcomingTeamProcessor(), warehouse, day);
        assertThat(TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_TEAM, day))
                .allSatisfy(row -> assertThat(row.getLong("game_number_in_season")).isEqualTo(11L));
    }

    @Test
    void defect10_averagesAndMovementsThatAreExactlyZeroStayZero()
    {
        contextGame()
                .pastGame(LocalDate.parse("2024-10-30"), "BOS", "NYK", "Jayson Tatum", 0L, 4.0)
                .pastGame(LocalDate.parse("2024-10-28"), "BOS", "NYK", "Jayson Tatum", 0L, 3.0)
                .prop(DAY, "BOS", "NYK", "Jayson Tatum", "draftkings", 2.5, "2024-10-31 19:30", 1440)
                .prop(DAY, "BOS", "NYK", "Jayson Tatum", "draftkings", 2.5, "2024-11-01 19:00", 30)
                .lines(DAY, "BOS", "NYK", "draftkings", -6.5, 221.5, "2024-10-31 19:30")
                .lines(DAY, "BOS", "NYK", "draftkings", -6.5, 221.5, "2024-11-01 19:00")
                .writeTo(warehouse);
        TableRuns.run(new UpcomingPlayerProcessor(), warehouse, DAY);
        TableRuns.run(new UpcomingTeamProcessor(), warehouse, DAY);
        Row tatum = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_PLAYER, DAY), "player_lookup", "jaysontatum");
        assertThat(tatum.getDecimal("points_avg_last_5")).isEqualTo(Numeric.of(0.0, 1));
        assertThat(tatum.getDecimal("points_avg_last_10")).isEqualTo(Numeric.of(0.0, 1));
        assertThat(tatum.getDouble("points_std_last_10")).isEqualTo(0.0);
        assertThat(tatum.getDecimal("line_movement")).isEqualTo(Numeric.of(0.0, 2));
        assertThat(tatum.getDecimal("spread_movement")).isEqualTo(Numeric.of(0.0, 2));
        assertThat(tatum.getDecimal("total_movement")).isEqualTo(Numeric.of(0.0, 2));
        Row boston = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_TEAM, DAY), "team_abbr", "BOS");
        assertThat(boston.getDecimal("spread_movement")).isEqualTo(Numeric.of(0.0, 2));
        assertThat(boston.getDecimal("total_movement")).isEqualTo(Numeric.of(0.0, 2));
    }

    @Test
    void defect11_onlyTheLatestInjuryReportCounts()
    {
        contextGame()
                .injury(DAY, "BOS", "Jayson Tatum", "out", "Ankle", "2024-11-01 13:30")
                .injury(DAY, "BOS", "Jayson Tatum", "available", "Ankle", "2024-11-01 17:30")
                .injury(DAY, "BOS", "Jaylen Brown", "out", "Knee", "2024-11-01 13:30")
                .injury(DAY, "BOS", "Jaylen Brown", "probable", "Knee", "2024-11-01 17:30")
                .pastGame(LocalDate.parse("2024-10-30"), "BOS", "NYK", "Jaylen Brown", 30L, 36.0)
                .writeTo(warehouse);
        TableRuns.run(new UpcomingPlayerProcessor(), warehouse, DAY);
        TableRuns.run(new UpcomingTeamProcessor(), warehouse, DAY);
        Row tatum = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_PLAYER, DAY), "player_lookup", "jaysontatum");
        assertThat(tatum.getString("player_status")).isEqualTo("available");
        assertThat(tatum.getLong("star_teammates_out")).isZero();
        Row boston = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_TEAM, DAY), "team_abbr", "BOS");
        assertThat(boston.getLong("starters_out_count")).isZero();
    }

    @Test
    void defect12_anInGameLineIsNeverTheClosingLine()
    {
        twoTeamGame(DAY, "BOS", "NYK", "240:00")
                .player(DAY, "BOS", "NYK", "BOS", "Jayson Tatum", "active", "36:00", stats(10, 20, 0, 2, 5, 6, 1, 6, 4, 2, 1, 0, 2), 3L)
                .prop(DAY, "BOS", "NYK", "Jayson Tatum", "draftkings", 20.5, "2024-11-01 19:25", 5)
                // later, and in-game: the game is already telling
                .prop(DAY, "BOS", "NYK", "Jayson Tatum", "draftkings", 27.5, "2024-11-01 19:45", -15)
                .writeTo(warehouse);
        TableRuns.run(new TeamOffenseProcessor(), warehouse, DAY);
        TableRuns.run(new PlayerSummaryProcessor(), warehouse, DAY);
        TableRuns.run(new UpcomingPlayerProcessor(), warehouse, DAY);
        Row summary = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.PLAYER_SUMMARY, DAY), "player_lookup", "jaysontatum");
        assertThat(summary.getDecimal("points_line")).isEqualTo(Numeric.of(20.5, 1));
        assertThat(summary.getString("over_under_result")).isEqualTo("OVER");
        Row context = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_PLAYER, DAY), "player_lookup", "jaysontatum");
        assertThat(context.getDecimal("current_points_line")).isEqualTo(Numeric.of(20.5, 1));
        assertThat(context.getDecimal("opening_points_line")).isEqualTo(Numeric.of(20.5, 1));
    }

    @Test
    void defect13_aBackToBackIsDaysRestZeroInBothTables()
    {
        new RawData()
                .game("0022400090", "2024-10-31 19:30", "PHI", "BOS", 100L, 110L)
                .game("0022400101", "2024-11-01 19:30", "BOS", "NYK", 113L, 110L)
                .player(DAY, "BOS", "NYK", "BOS", "Jayson Tatum", "active", "36:00", stats(10, 20, 0, 2, 5, 6, 1, 6, 4, 2, 1, 0, 2), 3L)
                .pastGame(LocalDate.parse("2024-10-31"), "BOS", "PHI", "Jayson Tatum", 25L, 36.0)
                .wholeSeasons()
                .writeTo(warehouse);
        TableRuns.run(new UpcomingTeamProcessor(), warehouse, DAY);
        TableRuns.run(new UpcomingPlayerProcessor(), warehouse, DAY);
        Row team = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_TEAM, DAY), "team_abbr", "BOS");
        Row player = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_PLAYER, DAY), "player_lookup", "jaysontatum");
        // in the real names: upcoming_team's team_days_rest, and upcoming_player's player_days_rest (its real days_rest is the days since)
        assertThat(team.getLong("days_since_last_game")).isEqualTo(1L);
        assertThat(team.getLong("team_days_rest")).isZero();
        assertThat(team.getBoolean("team_back_to_back")).isTrue();
        assertThat(team.getBoolean("is_back_to_back")).isTrue();
        assertThat(player.getLong("days_rest")).isEqualTo(1L);
        assertThat(player.getLong("player_days_rest")).isZero();
        assertThat(player.getBoolean("back_to_back")).isTrue();
    }

    @Test
    void defect14_aRerunReplacesThePartitionAndLeavesNoOrphans()
    {
        twoTeamGame(DAY, "BOS", "NYK", "240:00")
                .game("0022400102", "2024-11-01 22:00", "LAL", "GSW", 104L, 97L)
                .boxScore(DAY, "LAL", "GSW", "LAL", "240:00", WINNING_BOX)
                .boxScore(DAY, "LAL", "GSW", "GSW", "240:00", BOX)
                .writeTo(warehouse);
        TableRuns.run(new TeamDefenseProcessor(), warehouse, DAY);
        assertThat(warehouse.countPartition(AnalyticsSchemas.ref(AnalyticsTable.TEAM_DEFENSE), DAY)).isEqualTo(4);

        // the schedule is corrected: LAL @ GSW was never played that day; its rows must go
        twoTeamGame(DAY, "BOS", "NYK", "240:00").writeTo(warehouse);
        TableRuns.run(new TeamDefenseProcessor(), warehouse, DAY);
        List<Row> rows = TableRuns.rows(warehouse, AnalyticsTable.TEAM_DEFENSE, DAY);
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.getString("game_id")).isEqualTo("20241101_BOS_NYK"));
    }

    /** A final game with both box scores (the away team wins 113-110) in {@code minutes} team minutes; the schedule complete before it. */
    private static RawData twoTeamGame(LocalDate date, String away, String home, String minutes)
    {
        return new RawData()
                .wholeSeasons()
                .game("0022400101", date + " 19:30", away, home, 113L, 110L)
                .boxScore(date, away, home, away, minutes, WINNING_BOX)
                .boxScore(date, away, home, home, minutes, BOX);
    }

    /** BOS at NYK on DAY with one active player each, for the context tables; the schedule complete before it. */
    private static RawData contextGame()
    {
        return new RawData()
                .wholeSeasons()
                .game("0022400101", "2024-11-01 19:30", "BOS", "NYK", 113L, 110L)
                .player(DAY, "BOS", "NYK", "BOS", "Jayson Tatum", "Active", "36:00", stats(10, 20, 0, 2, 5, 6, 1, 6, 4, 2, 1, 0, 2), 3L)
                .player(DAY, "BOS", "NYK", "NYK", "Jalen Brunson", "active", "36:00", stats(11, 20, 3, 8, 6, 7, 1, 3, 8, 3, 1, 0, 2), -3L);
    }
}
