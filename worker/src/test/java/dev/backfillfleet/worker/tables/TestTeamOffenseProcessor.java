package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowHash;
import dev.backfillfleet.worker.processor.ProcessingContext;
import dev.backfillfleet.worker.processor.ProcessorOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hand-computed fixture: two final games on 2024-11-01. BOS @ NYK in regulation, where the BOS
 * box score is zeroed and must be rebuilt from its six active players; LAL @ GSW with one
 * overtime and both box scores valid. Every expected number is worked out in the comments.
 */
class TestTeamOffenseProcessor
{
    private static final LocalDate DAY = LocalDate.parse("2024-11-01");
    private static final Instant TIP_OFF = Instant.parse("2024-11-01T23:30:00Z");
    private static final Instant PROCESSED_AT = Instant.parse("2026-11-29T00:00:00Z");

    @TempDir
    Path directory;
    private SqliteWarehouse warehouse;

    @BeforeEach
    void setUp()
    {
        warehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard());
        warehouse.replacePartition(RawTables.SCHEDULE, DAY, List.of(
                schedule("0022400101", "NYK", "BOS", 3),
                schedule("0022400102", "GSW", "LAL", 3)));
        warehouse.replacePartition(RawTables.TEAM_BOXSCORE, DAY, List.of(
                box("20241101_BOS_NYK", "NYK", true, "240:00", 40, 85, 12, 35, 18, 22, 10, 35, 25, 12, 7, 5, 18, 110),
                box("20241101_BOS_NYK", "BOS", false, "240:00", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                box("20241101_LAL_GSW", "GSW", true, "265:00", 45, 95, 15, 40, 20, 25, 12, 40, 30, 14, 8, 6, 20, 125),
                box("20241101_LAL_GSW", "LAL", false, "265:00", 44, 90, 13, 33, 23, 30, 8, 38, 27, 10, 7, 4, 22, 124)));
        List<Row> gamebook = new ArrayList<>(List.of(
                // min, fgm, fga, 3pm, 3pa, ftm, fta, oreb, dreb, ast, tov, stl, blk, pf: points = 2 x FGM + 3PM + FTM
                player("bos1", "40:00", 10, 20, 3, 8, 5, 6, 1, 6, 5, 3, 2, 1, 3),   // 28
                player("bos2", "38:00", 8, 17, 2, 6, 2, 2, 2, 5, 4, 2, 1, 0, 2),    // 20
                player("bos3", "36:00", 6, 14, 1, 4, 4, 4, 3, 4, 2, 1, 0, 2, 4),    // 17
                player("bos4", "44:30", 7, 15, 4, 9, 0, 0, 0, 3, 6, 2, 1, 0, 1),    // 18
                player("bos5", "41:30", 5, 12, 0, 3, 3, 5, 2, 6, 3, 3, 2, 1, 3),    // 13
                player("bos6", "40:00", 3, 8, 1, 3, 1, 2, 1, 2, 1, 1, 0, 0, 2)));   // 8
        gamebook.add(notPlaying("bos7", "dnp"));
        gamebook.add(notPlaying("bos8", "inactive"));
        warehouse.replacePartition(RawTables.GAMEBOOK_PLAYER_STATS, DAY, gamebook);
    }

    @AfterEach
    void tearDown()
    {
        warehouse.close();
    }

    @Test
    void computesEveryColumnFromBoxScoresAndTheFallback()
    {
        ProcessorOutput output = process(DAY);
        assertThat(output.noGames()).isFalse();
        assertThat(output.expectedRows()).isEqualTo(4);
        assertThat(output.expectedRowsByGame()).isEqualTo(Map.of("20241101_BOS_NYK", 2L, "20241101_LAL_GSW", 2L));
        Map<String, Row> byTeam = new java.util.HashMap<>();
        output.rows().forEach(row -> byTeam.put(row.getString("team_abbr"), row));

        // NYK: possessions 85 + 0.44 x 22 - 10 + 12 = 96.68; rating 11000 / 96.68 = 113.777; pace 96.68 x 48 / (240 / 5) = 96.68
        // ts 110 / (2 x 94.68) = 0.58090; efg (40 + 6) / 85 = 0.54118
        assertRow(byTeam.get("NYK"), "20241101_BOS_NYK", "0022400101", "BOS", true, 110, 40, 85, 12, 35, 18, 22, 10, 35, 45, 25, 12, 7, 5, 18,
                96.7, 113.78, 96.7, 0.581, 0.541, 0, true, 6, "team_boxscore", "gold");
        // BOS rebuilt from six active players (dnp and inactive ignored): 240 player-minutes, FGM 39 FGA 86 3PM 11 3PA 33 FTM 15 FTA 19
        // OREB 9 DREB 26 AST 21 TOV 12 STL 6 BLK 4 PF 15, points 2 x 39 + 11 + 15 = 104
        // possessions 86 + 8.36 - 9 + 12 = 97.36; rating 10400 / 97.36 = 106.820; ts 104 / 188.72 = 0.55108; efg 44.5 / 86 = 0.51744
        assertRow(byTeam.get("BOS"), "20241101_BOS_NYK", "0022400101", "NYK", false, 104, 39, 86, 11, 33, 15, 19, 9, 26, 35, 21, 12, 6, 4, 15,
                97.4, 106.82, 97.4, 0.551, 0.517, 0, false, -6, "reconstructed_from_players", "silver");
        // GSW, one overtime (265 minutes): possessions 95 + 11 - 12 + 14 = 108; rating 12500 / 108 = 115.741
        // pace 108 x 48 / (265 / 5) = 97.811; ts 125 / 212 = 0.58962; efg 52.5 / 95 = 0.55263
        assertRow(byTeam.get("GSW"), "20241101_LAL_GSW", "0022400102", "LAL", true, 125, 45, 95, 15, 40, 20, 25, 12, 40, 52, 30, 14, 8, 6, 20,
                108.0, 115.74, 97.8, 0.590, 0.553, 1, true, 1, "team_boxscore", "gold");
        // LAL: possessions 90 + 13.2 - 8 + 10 = 105.2; rating 12400 / 105.2 = 117.871; pace 105.2 x 48 / 53 = 95.275
        // ts 124 / 206.4 = 0.60078; efg 50.5 / 90 = 0.56111
        assertRow(byTeam.get("LAL"), "20241101_LAL_GSW", "0022400102", "GSW", false, 124, 44, 90, 13, 33, 23, 30, 8, 38, 46, 27, 10, 7, 4, 22,
                105.2, 117.87, 95.3, 0.601, 0.561, 1, false, -1, "team_boxscore", "gold");

        output.rows().forEach(row -> {
            assertThat(row.getString("data_hash")).isEqualTo(RowHash.of(AnalyticsSchemas.teamOffense(), row));
            assertThat(row.getTimestamp("processed_at")).isEqualTo(PROCESSED_AT);
            AnalyticsSchemas.teamOffense().validate(row);
        });
    }

    @Test
    void sameInputsGiveTheSameRowHashes()
    {
        List<String> first = process(DAY).rows().stream().map(row -> row.getString("data_hash")).toList();
        List<String> second = process(DAY).rows().stream().map(row -> row.getString("data_hash")).toList();
        assertThat(second).isEqualTo(first).doesNotHaveDuplicates();
    }

    @Test
    void dateWithoutGamesIsNoGames()
    {
        ProcessorOutput output = process(DAY.plusDays(1));
        assertThat(output.noGames()).isTrue();
        assertThat(output.rows()).isEmpty();
        assertThat(output.expectedRows()).isZero();
    }

    @Test
    void finalGameWithoutUsableInputsFailsNamingTheGame()
    {
        warehouse.replacePartition(RawTables.GAMEBOOK_PLAYER_STATS, DAY, List.of(
                player("bos1", "240:00", 10, 20, 3, 8, 5, 6, 1, 6, 5, 3, 2, 1, 3)));
        assertThatThrownBy(() -> process(DAY))
                .isInstanceOf(FleetException.class)
                .hasMessageContaining("20241101_BOS_NYK")
                .hasMessageContaining("BOS")
                .hasMessageContaining("only 1 active players");
    }

    @Test
    void gamesNotFinalYetFailTheDate()
    {
        warehouse.replacePartition(RawTables.SCHEDULE, DAY, List.of(schedule("0022400101", "NYK", "BOS", 1)));
        assertThatThrownBy(() -> process(DAY)).hasMessageContaining("not final");
    }

    @Test
    void duplicateBoxScoreRowsAreResolvedByTheRealPickRule()
    {
        Instant halfTime = RawData.LOADED_AT.minusSeconds(86_400);
        warehouse.replacePartition(RawTables.TEAM_BOXSCORE, DAY, List.of(
                // NYK: a half-time load, then the final one: the latest row per game id and team
                box("20241101_BOS_NYK", "NYK", true, "120:00", 20, 42, 6, 17, 9, 11, 5, 17, 12, 6, 3, 2, 9, 55).with("processed_at", halfTime),
                box("20241101_BOS_NYK", "NYK", true, "240:00", 40, 85, 12, 35, 18, 22, 10, 35, 25, 12, 7, 5, 18, 110),
                // BOS: a valid row, then a later placeholder of a game in progress: the placeholder is the latest, dropped
                // as invalid, and BOS is rebuilt from its players (the real rule does not fall back to the older row)
                box("20241101_BOS_NYK", "BOS", false, "240:00", 39, 86, 11, 33, 15, 19, 9, 26, 21, 12, 6, 4, 15, 104).with("processed_at", halfTime),
                box("20241101_BOS_NYK", "BOS", false, "240:00", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                // GSW: a later half-time row under the 10-digit id, next to the final one: the most field-goal attempts per date and team
                box("20241101_LAL_GSW", "GSW", true, "265:00", 45, 95, 15, 40, 20, 25, 12, 40, 30, 14, 8, 6, 20, 125).with("processed_at", halfTime),
                box("0022400102", "GSW", true, "120:00", 22, 47, 7, 20, 10, 12, 6, 20, 15, 7, 4, 3, 10, 61),
                box("20241101_LAL_GSW", "LAL", false, "265:00", 44, 90, 13, 33, 23, 30, 8, 38, 27, 10, 7, 4, 22, 124)));
        Map<String, Row> byTeam = new java.util.HashMap<>();
        process(DAY).rows().forEach(row -> byTeam.put(row.getString("team_abbr"), row));
        assertThat(byTeam.get("NYK").getLong("points_scored")).isEqualTo(110L);
        assertThat(byTeam.get("NYK").getString("primary_source_used")).isEqualTo("team_boxscore");
        assertThat(byTeam.get("BOS").getLong("points_scored")).isEqualTo(104L);
        assertThat(byTeam.get("BOS").getString("primary_source_used")).isEqualTo("reconstructed_from_players");
        assertThat(byTeam.get("GSW").getLong("points_scored")).isEqualTo(125L);
        assertThat(byTeam.get("GSW").getLong("overtime_periods")).isEqualTo(1L);
    }

    private ProcessorOutput process(LocalDate date)
    {
        ProcessingContext context = new ProcessingContext(warehouse, new WorkItem(AnalyticsTable.TEAM_OFFENSE, date, "run-1"), "worker-1", 1, PROCESSED_AT);
        return new TeamOffenseProcessor().process(date, context);
    }

    @SuppressWarnings("ParameterNumber")
    private static void assertRow(Row row, String gameId, String nbaGameId, String opponent, boolean home, long points, long fgMade, long fgAttempted,
            long threeMade, long threeAttempted, long ftMade, long ftAttempted, long offensiveRebounds, long defensiveRebounds, long totalRebounds,
            long assists, long turnovers, long steals, long blocks, long fouls, double possessions, double offensiveRating, double pace,
            double trueShooting, double effectiveFg, long overtimePeriods, boolean win, long margin, String dataSource, String qualityTier)
    {
        assertThat(row.getString("game_id")).isEqualTo(gameId);
        assertThat(row.getString("nba_game_id")).isEqualTo(nbaGameId);
        assertThat(row.getDate("game_date")).isEqualTo(DAY);
        assertThat(row.getLong("season_year")).isEqualTo(2024L);
        assertThat(row.getString("opponent_team_abbr")).isEqualTo(opponent);
        assertThat(row.getBoolean("home_game")).isEqualTo(home);
        // the real table's names (real-warehouse.md 2.1)
        assertThat(List.of(row.getLong("points_scored"), row.getLong("fg_makes"), row.getLong("fg_attempts"), row.getLong("three_pt_makes"),
                row.getLong("three_pt_attempts"), row.getLong("ft_makes"), row.getLong("ft_attempts"), row.getLong("offensive_rebounds"),
                row.getLong("defensive_rebounds"), row.getLong("rebounds"), row.getLong("assists"), row.getLong("turnovers"),
                row.getLong("steals"), row.getLong("blocks"), row.getLong("personal_fouls")))
                .containsExactly(points, fgMade, fgAttempted, threeMade, threeAttempted, ftMade, ftAttempted, offensiveRebounds,
                        defensiveRebounds, totalRebounds, assists, turnovers, steals, blocks, fouls);
        assertThat(row.getDouble("possessions")).isEqualTo(possessions);
        // NUMERIC(6,2), (5,1), (5,3): exact decimals at the column's scale
        assertThat(row.getDecimal("offensive_rating")).isEqualTo(Numeric.of(offensiveRating, 2));
        assertThat(row.getDecimal("pace")).isEqualTo(Numeric.of(pace, 1));
        assertThat(row.getDecimal("ts_pct")).isEqualTo(Numeric.of(trueShooting, 3));
        assertThat(row.getDecimal("efg_pct")).isEqualTo(Numeric.of(effectiveFg, 3));
        assertThat(row.getLong("overtime_periods")).isEqualTo(overtimePeriods);
        assertThat(row.getBoolean("win_flag")).isEqualTo(win);
        assertThat(row.getLong("margin_of_victory")).isEqualTo(margin);
        assertThat(row.getString("primary_source_used")).isEqualTo(dataSource);
        assertThat(row.getString("quality_tier")).isEqualTo(qualityTier);
    }

    private static Row schedule(String nbaGameId, String home, String away, long status)
    {
        return Row.builder().set("game_id", nbaGameId).set("game_date", DAY).set("season_year", 2024L).set("game_date_est", TIP_OFF)
                .set("game_status", status).set("home_team_tricode", home).set("away_team_tricode", away).set("home_team_score", null)
                .set("away_team_score", null).set("is_regular_season", true).set("is_playoffs", false).set("is_all_star", false)
                .set("playoff_round", null).set("processed_at", RawData.LOADED_AT).build();
    }

    @SuppressWarnings("ParameterNumber")
    private static Row box(String gameId, String team, boolean home, String minutes, long fgMade, long fgAttempted, long threeMade, long threeAttempted,
            long ftMade, long ftAttempted, long offensiveRebounds, long defensiveRebounds, long assists, long turnovers, long steals, long blocks,
            long fouls, long points)
    {
        return Row.builder().set("game_id", gameId).set("game_date", DAY).set("team_abbr", team).set("minutes", minutes)
                .set("fg_made", fgMade).set("fg_attempted", fgAttempted).set("three_pt_made", threeMade).set("three_pt_attempted", threeAttempted)
                .set("ft_made", ftMade).set("ft_attempted", ftAttempted).set("offensive_rebounds", offensiveRebounds)
                .set("defensive_rebounds", defensiveRebounds).set("total_rebounds", offensiveRebounds + defensiveRebounds).set("assists", assists)
                .set("turnovers", turnovers).set("steals", steals).set("blocks", blocks).set("personal_fouls", fouls).set("points", points)
                .set("processed_at", RawData.LOADED_AT).build();
    }

    @SuppressWarnings("ParameterNumber")
    private static Row player(String lookup, String minutes, long fgMade, long fgAttempted, long threeMade, long threeAttempted, long ftMade,
            long ftAttempted, long offensiveRebounds, long defensiveRebounds, long assists, long turnovers, long steals, long blocks, long fouls)
    {
        return Row.builder().set("game_id", "20241101_BOS_NYK").set("game_date", DAY).set("team_abbr", "BOS")
                .set("player_lookup", lookup).set("player_name", lookup).set("player_name_original", lookup).set("player_status", "active")
                .set("minutes", minutes).set("field_goals_made", fgMade).set("field_goals_attempted", fgAttempted).set("three_pointers_made", threeMade)
                .set("three_pointers_attempted", threeAttempted).set("free_throws_made", ftMade).set("free_throws_attempted", ftAttempted)
                .set("offensive_rebounds", offensiveRebounds)
                .set("defensive_rebounds", defensiveRebounds).set("total_rebounds", offensiveRebounds + defensiveRebounds).set("assists", assists)
                .set("turnovers", turnovers).set("steals", steals).set("blocks", blocks).set("personal_fouls", fouls)
                .set("points", 2 * fgMade + threeMade + ftMade).set("plus_minus", 0L).set("processed_at", RawData.LOADED_AT).build();
    }

    private static Row notPlaying(String lookup, String status)
    {
        return Row.builder().set("game_id", "20241101_BOS_NYK").set("game_date", DAY).set("team_abbr", "BOS")
                .set("player_lookup", lookup).set("player_name", lookup).set("player_name_original", lookup).set("player_status", status)
                .set("processed_at", RawData.LOADED_AT).build();
    }
}
