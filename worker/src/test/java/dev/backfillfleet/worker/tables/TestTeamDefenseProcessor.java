package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.FleetException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.backfillfleet.worker.tables.RawData.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hand-computed fixture, 2024-11-01. BOS @ NYK went to one overtime (265 team minutes), both box
 * scores valid, with play-by-play. LAL @ GSW in regulation without play-by-play; the GSW box score
 * is missing and is rebuilt from its five active players.
 */
class TestTeamDefenseProcessor
{
    private static final LocalDate DAY = LocalDate.parse("2024-11-01");

    @TempDir
    Path directory;
    private SqliteWarehouse warehouse;

    @BeforeEach
    void setUp()
    {
        warehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard());
        RawData data = new RawData()
                .game("0022400101", "2024-11-01 19:30", "BOS", "NYK", 113L, 110L)
                .game("0022400102", "2024-11-01 22:00", "LAL", "GSW", 104L, 97L)
                // fgm, fga, 3pm, 3pa, ftm, fta, oreb, dreb, ast, tov, stl, blk, pf
                .boxScore(DAY, "BOS", "NYK", "NYK", "265:00", stats(40, 85, 12, 35, 18, 22, 10, 35, 25, 12, 7, 5, 18))  // 110 points
                .boxScore(DAY, "BOS", "NYK", "BOS", "265:00", stats(42, 88, 14, 38, 15, 20, 9, 33, 27, 14, 8, 4, 20))   // 113 points
                .boxScore(DAY, "LAL", "GSW", "LAL", "240:00", stats(38, 84, 11, 30, 17, 21, 11, 36, 24, 13, 9, 6, 17)); // 104 points
        // GSW: five active players of 48 minutes; totals FGM 36 FGA 77 3PM 10 3PA 28 FTM 15 FTA 19 OREB 8 DREB 30 AST 23 TOV 12
        // STL 6 BLK 4 PF 13, points 97, team minutes 240
        data.player(DAY, "LAL", "GSW", "GSW", "Stephen Curry", "active", "48:00", stats(10, 20, 2, 6, 4, 5, 2, 6, 5, 3, 2, 1, 3), 0L)
                .player(DAY, "LAL", "GSW", "GSW", "Andrew Wiggins", "active", "48:00", stats(8, 16, 3, 7, 2, 2, 1, 5, 7, 2, 1, 0, 2), 0L)
                .player(DAY, "LAL", "GSW", "GSW", "Draymond Green", "active", "48:00", stats(6, 14, 0, 2, 6, 8, 3, 7, 2, 1, 0, 2, 4), 0L)
                .player(DAY, "LAL", "GSW", "GSW", "Buddy Hield", "active", "48:00", stats(7, 15, 4, 9, 0, 0, 0, 4, 6, 2, 1, 0, 1), 0L)
                .player(DAY, "LAL", "GSW", "GSW", "Kevon Looney", "active", "48:00", stats(5, 12, 1, 4, 3, 4, 2, 8, 3, 4, 2, 1, 3), 0L)
                .notPlaying(DAY, "LAL", "GSW", "GSW", "Gary Payton", "inactive");
        // BOS shots: paint 2 attempted / 1 made (one blocked at 8 ft), mid-range 2 / 1, one 2PT of unknown distance (no zone),
        // a made and a blocked three, a free throw (no zone)
        // distances are the real FLOAT64 feet: 8.0 is the paint, 8.1 is mid-range
        data.shot(DAY, "BOS", "NYK", "BOS", "2PT", 2.7, true, false)
                .shot(DAY, "BOS", "NYK", "BOS", "2PT", 8.0, false, true)
                .shot(DAY, "BOS", "NYK", "BOS", "2PT", 8.1, true, false)
                .shot(DAY, "BOS", "NYK", "BOS", "2PT", 15.0, false, false)
                .shot(DAY, "BOS", "NYK", "BOS", "2PT", null, true, false)
                .shot(DAY, "BOS", "NYK", "BOS", "3PT", 25.0, true, false)
                .shot(DAY, "BOS", "NYK", "BOS", "3PT", 24.0, false, true)
                .shot(DAY, "BOS", "NYK", "BOS", "FT", null, true, false)
                // NYK shots: paint 2 / 2, mid-range 1 / 0 (blocked at 20 ft)
                .shot(DAY, "BOS", "NYK", "NYK", "2PT", 0.0, true, false)
                .shot(DAY, "BOS", "NYK", "NYK", "2PT", 3.0, true, false)
                .shot(DAY, "BOS", "NYK", "NYK", "2PT", 20.0, false, true)
                .otherEvent(DAY, "BOS", "NYK", "NYK");
        data.writeTo(warehouse);
    }

    @AfterEach
    void tearDown()
    {
        warehouse.close();
    }

    @Test
    void computesEveryColumn()
    {
        ProcessorOutput output = TableRuns.run(new TeamDefenseProcessor(), warehouse, DAY);
        assertThat(output.expectedRowsByGame()).isEqualTo(Map.of("20241101_BOS_NYK", 2L, "20241101_LAL_GSW", 2L));
        Map<String, Row> byTeam = new LinkedHashMap<>();
        TableRuns.rows(warehouse, AnalyticsTable.TEAM_DEFENSE, DAY)
                .forEach(row -> byTeam.put(row.getString("defending_team_abbr"), row));
        assertThat(byTeam).hasSize(4);

        // NYK allowed BOS's line: possessions 88 + 0.44 x 20 - 9 + 14 = 101.8; rating 11300 / 101.8 = 111.002
        // pace 101.8 x 48 / (265 / 5) = 92.196; ts 113 / (2 x 96.8) = 0.5837; threes 3 x 14 = 42
        assertIdentity(byTeam.get("NYK"), "20241101_BOS_NYK", "0022400101", "BOS", true);
        assertCounts(byTeam.get("NYK"), 113, 42, 88, 14, 38, 15, 20, 9, 42, 27, 14, 18, 7, 5, 35);
        assertRates(byTeam.get("NYK"), 101.8, 111.0, 92.2, 0.584);
        assertZones(byTeam.get("NYK"), 2L, 1L, 2L, 1L, 2L, 2L, 42L, 1L, 0L, 1L);
        assertResult(byTeam.get("NYK"), false, -3, 1, "team_boxscore", "gold");

        // BOS allowed NYK's line: possessions 85 + 9.68 - 10 + 12 = 96.68; rating 11000 / 96.68 = 113.777
        // pace 96.68 x 48 / 53 = 87.559; ts 110 / 189.36 = 0.5809; threes 3 x 12 = 36
        assertIdentity(byTeam.get("BOS"), "20241101_BOS_NYK", "0022400101", "NYK", false);
        assertCounts(byTeam.get("BOS"), 110, 40, 85, 12, 35, 18, 22, 10, 45, 25, 12, 20, 8, 4, 33);
        assertRates(byTeam.get("BOS"), 96.7, 113.78, 87.6, 0.581);
        assertZones(byTeam.get("BOS"), 2L, 2L, 1L, 0L, 4L, 0L, 36L, 0L, 1L, 0L);
        assertResult(byTeam.get("BOS"), true, 3, 1, "team_boxscore", "gold");

        // GSW allowed LAL's line: possessions 84 + 9.24 - 11 + 13 = 95.24; rating 10400 / 95.24 = 109.198
        // pace 95.24 x 48 / (240 / 5) = 95.24; ts 104 / 186.48 = 0.5577; no play-by-play: zones NULL, threes 33 from the box score
        // own figures (fouls 13, steals 6, blocks 4, defensive rebounds 30) come from the rebuilt GSW line
        assertIdentity(byTeam.get("GSW"), "20241101_LAL_GSW", "0022400102", "LAL", true);
        assertCounts(byTeam.get("GSW"), 104, 38, 84, 11, 30, 17, 21, 11, 47, 24, 13, 13, 6, 4, 30);
        assertRates(byTeam.get("GSW"), 95.2, 109.2, 95.2, 0.558);
        assertZones(byTeam.get("GSW"), null, null, null, null, null, null, 33L, null, null, null);
        assertResult(byTeam.get("GSW"), false, -7, 0, "team_boxscore", "gold");

        // LAL allowed the rebuilt GSW line: possessions 77 + 8.36 - 8 + 12 = 89.36; rating 9700 / 89.36 = 108.550
        // pace 89.36 x 48 / 48 = 89.36; ts 97 / 170.72 = 0.5682; the row's source is the opponent's: rebuilt, silver
        assertIdentity(byTeam.get("LAL"), "20241101_LAL_GSW", "0022400102", "GSW", false);
        assertCounts(byTeam.get("LAL"), 97, 36, 77, 10, 28, 15, 19, 8, 38, 23, 12, 17, 9, 6, 36);
        assertRates(byTeam.get("LAL"), 89.4, 108.55, 89.4, 0.568);
        assertZones(byTeam.get("LAL"), null, null, null, null, null, null, 30L, null, null, null);
        assertResult(byTeam.get("LAL"), true, 7, 0, "reconstructed_from_players", "silver");

        byTeam.values().forEach(row -> {
            assertThat(row.getString("data_hash")).isEqualTo(RowHash.of(AnalyticsSchemas.teamDefense(), row));
            assertThat(row.getTimestamp("processed_at")).isEqualTo(TableRuns.PROCESSED_AT);
        });
    }

    @Test
    void fallbackRowsWithTheTeamsSwappedAndNoDistancesStillCountTheirThreesAndBlocks()
    {
        // LAL @ GSW's play-by-play from the NBA.com fallback: listed as GSW @ LAL, without distances
        new RawData()
                .fallbackShot(DAY, "LAL", "GSW", "LAL", "3PT", false, true)
                .fallbackShot(DAY, "LAL", "GSW", "LAL", "3PT", true, false)
                .fallbackShot(DAY, "LAL", "GSW", "LAL", "2PT", false, true)
                .fallbackShot(DAY, "LAL", "GSW", "LAL", "FT", true, false)
                .fallbackShot(DAY, "LAL", "GSW", "GSW", "2PT", true, false)
                .writeTo(warehouse);
        TableRuns.run(new TeamDefenseProcessor(), warehouse, DAY);
        Row warriors = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.TEAM_DEFENSE, DAY), "defending_team_abbr", "GSW");
        // the game has play-by-play now: zones are counted (0 where a 2PT has no distance), blocks by the zone of the shot
        assertZones(warriors, 0L, 0L, 0L, 0L, 0L, 0L, 33L, 0L, 0L, 1L);
        Row lakers = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.TEAM_DEFENSE, DAY), "defending_team_abbr", "LAL");
        assertZones(lakers, 0L, 0L, 0L, 0L, 0L, 0L, 30L, 0L, 0L, 0L);
    }

    @Test
    void finalGameWithoutBoxScoreOrPlayersFailsNamingTableAndGame()
    {
        new RawData().game("0022400103", "2024-11-01 20:00", "MIA", "CHI", 100L, 90L).writeTo(warehouse);
        assertThatThrownBy(() -> TableRuns.run(new TeamDefenseProcessor(), warehouse, DAY))
                .isInstanceOf(FleetException.class)
                .hasMessageContaining("team_defense_game_summary")
                .hasMessageContaining("20241101_MIA_CHI");
    }

    @Test
    void dateWithoutGamesIsNoGames()
    {
        ProcessorOutput output = TableRuns.run(new TeamDefenseProcessor(), warehouse, DAY.plusDays(1));
        assertThat(output.noGames()).isTrue();
        assertThat(output.rows()).isEmpty();
    }

    private static void assertIdentity(Row row, String gameId, String nbaGameId, String opponent, boolean home)
    {
        assertThat(row.getString("game_id")).isEqualTo(gameId);
        assertThat(row.getString("nba_game_id")).isEqualTo(nbaGameId);
        assertThat(row.getDate("game_date")).isEqualTo(DAY);
        assertThat(row.getLong("season_year")).isEqualTo(2024L);
        assertThat(row.getString("opponent_team_abbr")).isEqualTo(opponent);
        assertThat(row.getBoolean("home_game")).isEqualTo(home);
    }

    private static void assertCounts(Row row, long... expected)
    {
        // the real table's names (real-warehouse.md 2.2)
        List<String> columns = List.of("points_allowed", "opp_fg_makes", "opp_fg_attempts", "opp_three_pt_makes", "opp_three_pt_attempts",
                "opp_ft_makes", "opp_ft_attempts", "opp_offensive_rebounds", "opp_rebounds", "opp_assists", "turnovers_forced",
                "fouls_committed", "steals", "blocks", "defensive_rebounds");
        assertThat(columns.stream().map(row::getLong).toList()).as(row.getString("defending_team_abbr"))
                .isEqualTo(Arrays.stream(expected).boxed().toList());
    }

    private static void assertRates(Row row, double possessions, double rating, double pace, double trueShooting)
    {
        assertThat(row.getDouble("opp_possessions")).isEqualTo(possessions);
        // NUMERIC(6,2), (5,1), (5,3)
        assertThat(row.getDecimal("defensive_rating")).isEqualTo(Numeric.of(rating, 2));
        assertThat(row.getDecimal("opponent_pace")).isEqualTo(Numeric.of(pace, 1));
        assertThat(row.getDecimal("opponent_ts_pct")).isEqualTo(Numeric.of(trueShooting, 3));
    }

    private static void assertZones(Row row, Long paintAttempted, Long paintMade, Long midAttempted, Long midMade, Long paintPoints, Long midPoints,
            Long threePoints, Long blocksPaint, Long blocksMid, Long blocksThree)
    {
        List<String> columns = List.of("opp_paint_attempts", "opp_paint_makes", "opp_mid_range_attempts", "opp_mid_range_makes",
                "points_in_paint_allowed", "mid_range_points_allowed", "three_pt_points_allowed", "blocks_paint", "blocks_mid_range", "blocks_three_pt");
        assertThat(columns.stream().map(row::getLong).toList()).as(row.getString("defending_team_abbr"))
                .isEqualTo(Arrays.asList(paintAttempted, paintMade, midAttempted, midMade, paintPoints, midPoints, threePoints, blocksPaint, blocksMid,
                        blocksThree));
    }

    private static void assertResult(Row row, boolean win, long margin, long overtimePeriods, String dataSource, String qualityTier)
    {
        assertThat(row.getBoolean("win_flag")).isEqualTo(win);
        assertThat(row.getLong("margin_of_victory")).isEqualTo(margin);
        assertThat(row.getLong("overtime_periods")).isEqualTo(overtimePeriods);
        assertThat(row.getString("primary_source_used")).isEqualTo(dataSource);
        assertThat(row.getString("quality_tier")).isEqualTo(qualityTier);
    }
}
