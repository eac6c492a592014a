package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowHash;
import dev.backfillfleet.worker.processor.ProcessorOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.backfillfleet.worker.tables.RawData.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hand-computed fixture, 2024-11-01, BOS won at NYK 113-110 in regulation. team_offense is computed
 * first from the two box scores (NYK: FGA 85, FTA 22, TOV 12; BOS: FGA 88, FTA 20, TOV 14; 240
 * minutes each), as the worker would have it before this table runs.
 */
class TestPlayerSummaryProcessor
{
    private static final LocalDate DAY = LocalDate.parse("2024-11-01");
    private static final String AWAY = "BOS";
    private static final String HOME = "NYK";

    @TempDir
    Path directory;
    private SqliteWarehouse warehouse;

    @BeforeEach
    void setUp()
    {
        warehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard());
        new RawData()
                .game("0022400101", "2024-11-01 19:30", AWAY, HOME, 113L, 110L)
                .boxScore(DAY, AWAY, HOME, "NYK", "240:00", stats(40, 85, 12, 35, 18, 22, 10, 35, 25, 12, 7, 5, 18))
                .boxScore(DAY, AWAY, HOME, "BOS", "240:00", stats(42, 88, 14, 38, 15, 20, 9, 33, 27, 14, 8, 4, 20))
                // fgm, fga, 3pm, 3pa, ftm, fta, oreb, dreb, ast, tov, stl, blk, pf
                .player(DAY, AWAY, HOME, "NYK", "Jalen Brunson", "active", "36:30", stats(11, 20, 3, 8, 6, 7, 1, 3, 8, 3, 1, 0, 2), 5L)
                .player(DAY, AWAY, HOME, "NYK", "OG Anunoby", "Active", "30:00", stats(6, 12, 1, 4, 2, 2, 1, 5, 2, 1, 2, 1, 3), 3L)
                .player(DAY, AWAY, HOME, "NYK", "Bench Guy", "active", "00:30", stats(0, 5, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0), -2L)
                .player(DAY, AWAY, HOME, "NYK", "Josh Hart", "active", "00:00", stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 0L)
                .notPlaying(DAY, AWAY, HOME, "NYK", "Mitchell Robinson", "inactive")
                .player(DAY, AWAY, HOME, "BOS", "Jayson Tatum", "active", "40:00", stats(9, 24, 4, 12, 5, 6, 2, 9, 6, 4, 1, 1, 3), -5L)
                .notPlaying(DAY, AWAY, HOME, "BOS", "Sam Hauser", "DNP")
                // Brunson: draftkings wins over fanduel; its latest pre-game snapshot is 28.5 (the in-game 35.5 never counts)
                .prop(DAY, AWAY, HOME, "Jalen Brunson", "draftkings", 27.5, "2024-10-31 19:30", 1440)
                .prop(DAY, AWAY, HOME, "Jalen Brunson", "draftkings", 28.5, "2024-11-01 19:00", 30)
                .prop(DAY, AWAY, HOME, "Jalen Brunson", "draftkings", 35.5, "2024-11-01 19:50", -20)
                .prop(DAY, AWAY, HOME, "Jalen Brunson", "fanduel", 29.5, "2024-11-01 19:20", 10)
                // Anunoby: a whole-number line he meets exactly
                .prop(DAY, AWAY, HOME, "OG Anunoby", "draftkings", 15.0, "2024-11-01 19:25", 5)
                // Hart has a line but did not play
                .prop(DAY, AWAY, HOME, "Josh Hart", "fanduel", 8.5, "2024-11-01 19:25", 5)
                // Tatum: neither preferred bookmaker, so alphabetical: betmgm before caesars
                .prop(DAY, AWAY, HOME, "Jayson Tatum", "caesars", 26.5, "2024-11-01 19:00", 30)
                .prop(DAY, AWAY, HOME, "Jayson Tatum", "betmgm", 27.5, "2024-11-01 18:30", 60)
                .writeTo(warehouse);
        TableRuns.run(new TeamOffenseProcessor(), warehouse, DAY);
    }

    @AfterEach
    void tearDown()
    {
        warehouse.close();
    }

    @Test
    void computesEveryColumn()
    {
        ProcessorOutput output = TableRuns.run(new PlayerSummaryProcessor(), warehouse, DAY);
        assertThat(output.expectedRowsByGame()).isEqualTo(Map.of("20241101_BOS_NYK", 7L));
        List<Row> rows = TableRuns.rows(warehouse, AnalyticsTable.PLAYER_SUMMARY, DAY);
        assertThat(rows).hasSize(7);

        // usage = 100 x (FGA + 0.44 x FTA + TOV) x (240 / 5) / (minutes x team plays); NYK team plays 85 + 9.68 + 12 = 106.68
        // Brunson: 26.08 x 48 x 100 / (36.5 x 106.68) = 32.149; ts 31 / (2 x 23.08) = 0.6716; efg (11 + 1.5) / 20 = 0.625; 31 > 28.5
        Row brunson = TableRuns.onlyRow(rows, "player_lookup", "jalenbrunson");
        assertIdentity(brunson, "Jalen Brunson", "NYK", "BOS", true, "active", false);
        assertStats(brunson, 36.5, 31L, 11L, 20L, 3L, 8L, 6L, 7L, 1L, 3L, 4L, 8L, 1L, 0L, 3L, 2L, 5L);
        assertDerived(brunson, 0.672, 0.625, 32.1, 28.5, "OVER", false);

        // Anunoby: 13.88 x 48 x 100 / (30 x 106.68) = 20.817; ts 15 / 25.76 = 0.5823; efg 6.5 / 12 = 0.5417; 15 = 15.0: PUSH
        Row anunoby = TableRuns.onlyRow(rows, "player_lookup", "oganunoby");
        assertIdentity(anunoby, "OG Anunoby", "NYK", "BOS", true, "active", false);
        assertStats(anunoby, 30.0, 15L, 6L, 12L, 1L, 4L, 2L, 2L, 1L, 5L, 6L, 2L, 2L, 1L, 1L, 3L, 3L);
        assertDerived(anunoby, 0.582, 0.542, 20.8, 15.0, "PUSH", false);

        // Bench Guy: 30 seconds; usage 5 x 48 x 100 / (0.5 x 106.68) = 449.9 > 100: NULL; a real 0.0 shooting stays 0.0
        Row bench = TableRuns.onlyRow(rows, "player_lookup", "benchguy");
        assertIdentity(bench, "Bench Guy", "NYK", "BOS", true, "active", false);
        assertStats(bench, 0.5, 0L, 0L, 5L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, -2L);
        assertDerived(bench, 0.0, 0.0, null, null, null, false);

        // Hart: active with 0:00 is a DNP: every stat NULL; his line is kept, the result is not
        Row hart = TableRuns.onlyRow(rows, "player_lookup", "joshhart");
        assertIdentity(hart, "Josh Hart", "NYK", "BOS", true, "active", true);
        assertStats(hart, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertDerived(hart, null, null, null, 8.5, null, false);

        Row robinson = TableRuns.onlyRow(rows, "player_lookup", "mitchellrobinson");
        assertIdentity(robinson, "Mitchell Robinson", "NYK", "BOS", true, "inactive", true);
        assertStats(robinson, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertDerived(robinson, null, null, null, null, null, false);

        // Tatum: BOS team plays 88 + 8.8 + 14 = 110.8; 30.64 x 48 x 100 / (40 x 110.8) = 33.184; ts 27 / 53.28 = 0.5068
        // efg (9 + 2) / 24 = 0.4583; betmgm 27.5: 27 < 27.5 UNDER; BOS won
        Row tatum = TableRuns.onlyRow(rows, "player_lookup", "jaysontatum");
        assertIdentity(tatum, "Jayson Tatum", "BOS", "NYK", false, "active", false);
        assertStats(tatum, 40.0, 27L, 9L, 24L, 4L, 12L, 5L, 6L, 2L, 9L, 11L, 6L, 1L, 1L, 4L, 3L, -5L);
        assertDerived(tatum, 0.507, 0.458, 33.2, 27.5, "UNDER", true);

        // "DNP" in capitals is a DNP
        Row hauser = TableRuns.onlyRow(rows, "player_lookup", "samhauser");
        assertIdentity(hauser, "Sam Hauser", "BOS", "NYK", false, "dnp", true);
        assertDerived(hauser, null, null, null, null, null, true);

        rows.forEach(row -> {
            assertThat(row.getString("game_id")).isEqualTo("20241101_BOS_NYK");
            assertThat(row.getString("nba_game_id")).isEqualTo("0022400101");
            assertThat(row.getDate("game_date")).isEqualTo(DAY);
            assertThat(row.getLong("season_year")).isEqualTo(2024L);
            assertThat(row.getString("data_hash")).isEqualTo(RowHash.of(AnalyticsSchemas.playerSummary(), row));
            assertThat(row.getTimestamp("processed_at")).isEqualTo(TableRuns.PROCESSED_AT);
        });
    }

    @Test
    void propsWithoutMinutesBeforeTipoffArePreGameByTheScheduledTipOff()
    {
        new RawData()
                // Tatum's only lines: without minutes_before_tipoff (no commence time), appended twice;
                // the pre-game test falls back to the schedule's 19:30 tip-off
                .prop(DAY, AWAY, HOME, "Jayson Tatum", "draftkings", 26.5, "2024-11-01 19:20", null)
                .prop(DAY, AWAY, HOME, "Jayson Tatum", "draftkings", 26.5, "2024-11-01 19:20", null)
                .prop(DAY, AWAY, HOME, "Jayson Tatum", "draftkings", 31.5, "2024-11-01 19:50", null)
                .prop(DAY, AWAY, HOME, "Jayson Tatum", "draftkings", 31.5, "2024-11-01 19:50", null)
                .writeTo(warehouse);
        TableRuns.run(new PlayerSummaryProcessor(), warehouse, DAY);
        Row tatum = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.PLAYER_SUMMARY, DAY), "player_lookup", "jaysontatum");
        assertThat(tatum.getDecimal("points_line")).isEqualTo(Numeric.of(26.5, 1));
        assertThat(tatum.getString("over_under_result")).isEqualTo("OVER");
    }

    @Test
    void staleGamebookRowsUnderThe10DigitIdAreDuplicatesAndTheLatestLoadWins()
    {
        Instant earlier = RawData.LOADED_AT.minusSeconds(3 * 86_400);
        // an earlier parse of the same gamebook, left under the 10-digit id by a re-run of late 2025; without a player_lookup, a
        // row gets the gamebook's lookup of its name; without a team it cannot be attributed
        warehouse.replacePartition(RawTables.GAMEBOOK_PLAYER_STATS, DAY, Stream.concat(
                warehouse.read(RawTables.GAMEBOOK_PLAYER_STATS, DateRange.single(DAY)).stream(),
                Stream.of(
                        gamebookRow("Jalen Brunson", "NYK").with("game_id", "0022400101").with("player_status", "active").with("minutes", "36:30")
                                .with("points", 2L).with("processed_at", earlier),
                        gamebookRow("Bench Guy", "NYK").with("game_id", "0022400101").with("processed_at", earlier),
                        gamebookRow("Jaren Jackson Jr.", "NYK").with("player_lookup", null),
                        gamebookRow("Nobody Known", null))).toList());
        TableRuns.run(new PlayerSummaryProcessor(), warehouse, DAY);
        List<Row> rows = TableRuns.rows(warehouse, AnalyticsTable.PLAYER_SUMMARY, DAY);
        assertThat(rows).hasSize(8);
        assertThat(TableRuns.onlyRow(rows, "player_lookup", "jalenbrunson").getLong("points")).isEqualTo(31L);
        assertThat(TableRuns.onlyRow(rows, "player_lookup", "jarenjacksonjr").getString("player_status")).isEqualTo("dnp");
        assertThat(rows).noneMatch(row -> row.getString("player_full_name").equals("Nobody Known"));
    }

    private static Row gamebookRow(String name, String team)
    {
        return Row.builder().set("game_id", "20241101_BOS_NYK").set("game_date", DAY).set("player_name", name)
                .set("player_name_original", name).set("player_lookup", PlayerLookup.gamebook(name)).set("team_abbr", team).set("player_status", "dnp")
                .set("processed_at", RawData.LOADED_AT).build();
    }

    @Test
    void finalGameWithoutGamebookFailsNamingTableAndGame()
    {
        new RawData()
                .game("0022400101", "2024-11-01 19:30", AWAY, HOME, 113L, 110L)
                .game("0022400102", "2024-11-01 22:00", "LAL", "GSW", 104L, 97L)
                .writeTo(warehouse);
        assertThatThrownBy(() -> TableRuns.run(new PlayerSummaryProcessor(), warehouse, DAY))
                .isInstanceOf(FleetException.class)
                .hasMessageContaining("player_game_summary")
                .hasMessageContaining("20241101_LAL_GSW")
                .hasMessageContaining("nbac_gamebook_player_stats");
    }

    private static void assertIdentity(Row row, String name, String team, String opponent, boolean home, String status, boolean dnp)
    {
        assertThat(row.getString("player_full_name")).isEqualTo(name);
        assertThat(row.getString("team_abbr")).isEqualTo(team);
        assertThat(row.getString("opponent_team_abbr")).isEqualTo(opponent);
        assertThat(row.getBoolean("home_game")).isEqualTo(home);
        assertThat(row.getString("player_status")).isEqualTo(status);
        assertThat(row.getBoolean("is_dnp")).isEqualTo(dnp);
        // no real table has a starter source (real-warehouse.md 1.3, docs/real-warehouse.md): unknown for every player, never guessed
        assertThat(row.getBoolean("starter")).as("starter").isNull();
    }

    private static void assertStats(Row row, Double minutes, Long... counts)
    {
        assertThat(row.getDecimal("minutes_played")).isEqualTo(Numeric.ofNullable(minutes, 1));
        // the real table's names (real-warehouse.md 2.3)
        List<String> columns = List.of("points", "fg_makes", "fg_attempts", "three_pt_makes", "three_pt_attempts", "ft_makes", "ft_attempts",
                "offensive_rebounds", "defensive_rebounds", "total_rebounds", "assists", "steals", "blocks", "turnovers", "personal_fouls", "plus_minus");
        assertThat(columns.stream().map(row::getLong).toList()).as(row.getString("player_lookup")).isEqualTo(Arrays.asList(counts));
    }

    private static void assertDerived(Row row, Double trueShooting, Double effectiveFg, Double usage, Double line, String result, boolean win)
    {
        // NUMERIC(5,3), (5,3), (6,2) (ours at 1 decimal), (4,1)
        assertThat(row.getDecimal("ts_pct")).as("ts_pct").isEqualTo(Numeric.ofNullable(trueShooting, 3));
        assertThat(row.getDecimal("efg_pct")).as("efg_pct").isEqualTo(Numeric.ofNullable(effectiveFg, 3));
        assertThat(row.getDecimal("usage_rate")).as("usage_rate").isEqualTo(Numeric.ofNullable(usage, 2));
        assertThat(row.getDecimal("points_line")).as("points_line").isEqualTo(Numeric.ofNullable(line, 1));
        assertThat(row.getString("over_under_result")).as("over_under_result").isEqualTo(result);
        assertThat(row.getBoolean("win_flag")).as("win_flag").isEqualTo(win);
    }
}
