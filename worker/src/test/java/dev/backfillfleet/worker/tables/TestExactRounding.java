package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static dev.backfillfleet.worker.tables.RawData.stats;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Derived columns whose exact value lies on a half (computed by hand below) round up, as
 * analytics-tables.md says; on doubles, most of these came out just below the half and rounded
 * down (noted as "doubles:"). Columns derived from rounded ones use the exact value.
 *
 * <p>Three columns can never lie exactly on a half, so they have no such case here: possessions
 * (0.44 x FTA has an even hundredths digit, so a possession count ends in .x0 to .x8), pace
 * (possessions x 240 / minutes would need minutes divisible by 2^9 to end in 5) and the standard
 * deviation of at most 10 whole numbers (a square root on a half needs n(n - 1) divisible by 64).
 * For them the tests check the exact value and, for pace, that it uses exact possessions.
 */
class TestExactRounding
{
    private static final LocalDate DAY = LocalDate.parse("2024-11-01");
    private static final LocalDate CONTEXT_DAY = LocalDate.parse("2024-12-10");

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
    void teamRatingsAndPercentagesOnAHalfRoundUp()
    {
        new RawData()
                .game("0022400101", "2024-11-01 19:30", "BOS", "NYK", 97L, 77L)
                // fgm, fga, 3pm, 3pa, ftm, fta, oreb, dreb, ast, tov, stl, blk, pf
                .boxScore(DAY, "BOS", "NYK", "NYK", "240:00", stats(30, 70, 9, 25, 8, 10, 14, 30, 20, 10, 6, 4, 18))
                .boxScore(DAY, "BOS", "NYK", "BOS", "240:00", stats(41, 80, 0, 20, 15, 20, 10, 32, 22, 14, 7, 3, 20))
                .writeTo(warehouse);
        TableRuns.run(new TeamOffenseProcessor(), warehouse, DAY);
        TableRuns.run(new TeamDefenseProcessor(), warehouse, DAY);
        List<Row> offense = TableRuns.rows(warehouse, AnalyticsTable.TEAM_OFFENSE, DAY);

        // NYK: possessions 70 + 4.4 - 14 + 10 = 70.4; rating 7700 / 70.4 = 109.375 exactly -> 109.38 (doubles: 109.37)
        // ts 77 / 148.8 = 0.51747; efg 34.5 / 70 = 0.49286
        Row newYork = TableRuns.onlyRow(offense, "team_abbr", "NYK");
        assertDerived(newYork, 70.4, 109.38, 70.4, 0.517, 0.493);
        // BOS: efg 41 / 80 = 0.5125 exactly -> 0.513; possessions 80 + 8.8 - 10 + 14 = 92.8, rating 9700 / 92.8 = 104.526
        // ts 97 / 177.6 = 0.54617
        Row boston = TableRuns.onlyRow(offense, "team_abbr", "BOS");
        assertDerived(boston, 92.8, 104.53, 92.8, 0.546, 0.513);

        // team_defense: what BOS allowed is NYK's offence, the same exact numbers
        Row bostonDefense = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.TEAM_DEFENSE, DAY), "defending_team_abbr", "BOS");
        assertThat(bostonDefense.getDouble("opp_possessions")).isEqualTo(70.4);
        assertThat(List.of(bostonDefense.getDecimal("defensive_rating"), bostonDefense.getDecimal("opponent_pace"), bostonDefense.getDecimal("opponent_ts_pct")))
                .containsExactly(new BigDecimal("109.38"), new BigDecimal("70.4"), new BigDecimal("0.517"));
    }

    @Test
    void trueShootingOnAHalfRoundsUpAndRatingAndPaceUseExactPossessions()
    {
        new RawData()
                .game("0022400102", "2024-11-01 22:00", "LAL", "GSW", 105L, 108L)
                .boxScore(DAY, "LAL", "GSW", "GSW", "265:00", stats(40, 85, 10, 30, 18, 25, 12, 38, 25, 13, 8, 5, 21))
                .boxScore(DAY, "LAL", "GSW", "LAL", "265:00", stats(41, 88, 11, 33, 12, 16, 10, 35, 24, 12, 6, 4, 22))
                .writeTo(warehouse);
        TableRuns.run(new TeamOffenseProcessor(), warehouse, DAY);
        List<Row> offense = TableRuns.rows(warehouse, AnalyticsTable.TEAM_OFFENSE, DAY);

        // GSW, one overtime: ts 108 / (2 x (85 + 11)) = 0.5625 exactly -> 0.563; possessions 85 + 11 - 12 + 13 = 97
        // rating 10800 / 97 = 111.340; pace 97 x 48 / 53 = 87.849; efg 45 / 85 = 0.52941
        assertDerived(TableRuns.onlyRow(offense, "team_abbr", "GSW"), 97.0, 111.34, 87.8, 0.563, 0.529);
        // LAL: possessions 88 + 7.04 - 10 + 12 = 97.04, stored 97.0; rating 10500 / 97.04 = 108.203 (108.25 from 97.0)
        // pace 97.04 x 48 / 53 = 87.885 (87.849 from 97.0); ts 105 / 190.08 = 0.55240; efg 46.5 / 88 = 0.52841
        assertDerived(TableRuns.onlyRow(offense, "team_abbr", "LAL"), 97.0, 108.2, 87.9, 0.552, 0.528);
    }

    @Test
    void playerUsageShootingAndMinutesOnAHalfRoundUp()
    {
        new RawData()
                .game("0022400101", "2024-11-01 19:30", "BOS", "NYK", 113L, 96L)
                // NYK team plays: 80 + 0.44 x 10 + 18 = 102.4
                .boxScore(DAY, "BOS", "NYK", "NYK", "240:00", stats(38, 80, 12, 35, 8, 10, 9, 34, 24, 18, 7, 5, 18))
                .boxScore(DAY, "BOS", "NYK", "BOS", "240:00", stats(42, 88, 14, 38, 15, 20, 9, 33, 27, 14, 8, 4, 20))
                .player(DAY, "BOS", "NYK", "NYK", "Six Minutes", "active", "06:00", stats(2, 4, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1), 2L)
                .player(DAY, "BOS", "NYK", "NYK", "Free Throws", "active", "31:33", stats(9, 11, 0, 2, 15, 15, 1, 5, 3, 2, 1, 0, 3), 5L)
                .player(DAY, "BOS", "NYK", "NYK", "Corner Three", "active", "20:00", stats(4, 8, 1, 3, 0, 0, 0, 2, 1, 1, 0, 0, 2), 1L)
                .writeTo(warehouse);
        TableRuns.run(new TeamOffenseProcessor(), warehouse, DAY);
        TableRuns.run(new PlayerSummaryProcessor(), warehouse, DAY);
        List<Row> players = TableRuns.rows(warehouse, AnalyticsTable.PLAYER_SUMMARY, DAY);

        // usage 100 x 4 x 48 / (6 x 102.4) = 19200 / 614.4 = 31.25 exactly -> 31.3 (doubles: 31.249999999999996 -> 31.2)
        // ts 4 / 8 = 0.5; efg 2 / 4 = 0.5
        assertPlayer(TableRuns.onlyRow(players, "player_lookup", "sixminutes"), 6.0, 0.5, 0.5, 31.3);
        // 31:33 is 31.55 minutes exactly -> 31.6; ts 33 / (2 x (11 + 6.6)) = 0.9375 exactly -> 0.938 (doubles: 0.937)
        // efg 9 / 11 = 0.81818; usage 100 x 19.6 x 48 / (31.55 x 102.4) = 29.120
        assertPlayer(TableRuns.onlyRow(players, "player_lookup", "freethrows"), 31.6, 0.938, 0.818, 29.1);
        // efg (4 + 0.5) / 8 = 0.5625 exactly -> 0.563; ts 9 / 16 = 0.5625 -> 0.563; usage 100 x 9 x 48 / (20 x 102.4) = 21.094
        assertPlayer(TableRuns.onlyRow(players, "player_lookup", "cornerthree"), 20.0, 0.563, 0.563, 21.1);
    }

    @Test
    void contextAveragesMeansDifferentialsAndMediansOnAHalfRoundUp()
    {
        RawData data = new RawData()
                .game("0022400300", "2024-12-10 19:30", "NYK", "BOS", 101L, 99L)
                .player(CONTEXT_DAY, "NYK", "BOS", "BOS", "Jayson Tatum", "active", "38:00", stats(10, 20, 3, 8, 4, 4, 1, 7, 5, 2, 1, 0, 2), 4L)
                .player(CONTEXT_DAY, "NYK", "BOS", "NYK", "Jalen Brunson", "active", "36:00", stats(9, 19, 2, 6, 5, 6, 0, 3, 7, 3, 1, 0, 2), -4L)
                .pastGame(LocalDate.parse("2024-12-08"), "BOS", "XXX", "Jayson Tatum", 30L, 36.0)
                .pastGame(LocalDate.parse("2024-12-06"), "BOS", "XXX", "Jayson Tatum", 25L, 34.5)
                .pastGame(LocalDate.parse("2024-12-04"), "BOS", "XXX", "Jayson Tatum", 27L, 38.0)
                .pastGame(LocalDate.parse("2024-12-02"), "BOS", "XXX", "Jayson Tatum", 27L, 35.0)
                // two bookmakers at the closing snapshot, one spread and total each; openings earlier
                .lines(CONTEXT_DAY, "NYK", "BOS", "draftkings", -3.0, 209.5, "2024-12-09 19:30")
                .lines(CONTEXT_DAY, "NYK", "BOS", "fanduel", -3.0, 210.0, "2024-12-09 19:30")
                .lines(CONTEXT_DAY, "NYK", "BOS", "draftkings", -3.25, 210.0, "2024-12-10 19:00")
                .lines(CONTEXT_DAY, "NYK", "BOS", "fanduel", -3.5, 210.29, "2024-12-10 19:00")
                .wholeSeasons();
        double[] bostonPace = {102.8, 97.8, 97.8, 99.6, 102.9};
        for (int game = 0; game < bostonPace.length; game++) {
            data.pastOffense(CONTEXT_DAY.minusDays(2L * game + 1), "BOS", bostonPace[game], 112.0);
        }
        double[] newYorkPace = {95.5, 99.0, 97.8, 98.4};
        double[] newYorkRating = {110.0, 110.21, 110.0, 110.21};
        for (int game = 0; game < newYorkPace.length; game++) {
            data.pastOffense(CONTEXT_DAY.minusDays(2L * game + 2), "NYK", newYorkPace[game], newYorkRating[game]);
        }
        data.writeTo(warehouse);
        TableRuns.run(new UpcomingPlayerProcessor(), warehouse, CONTEXT_DAY);
        TableRuns.run(new UpcomingTeamProcessor(), warehouse, CONTEXT_DAY);
        List<Row> players = TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_PLAYER, CONTEXT_DAY);

        Row tatum = TableRuns.onlyRow(players, "player_lookup", "jaysontatum");
        // (30 + 25 + 27 + 27) / 4 = 27.25 exactly -> 27.3; deviations 2.75, -2.25, -0.25, -0.25: squares 12.75 / 3 = 4.25,
        // sqrt(4.25) = 2.0616 -> 2.06
        assertThat(List.of(tatum.getDecimal("points_avg_last_5"), tatum.getDecimal("points_avg_last_10")))
                .containsExactly(new BigDecimal("27.3"), new BigDecimal("27.3"));
        assertThat(tatum.getDouble("points_std_last_10")).isEqualTo(2.06);
        // NYK pace 390.7 / 4 = 97.675 exactly -> 97.68; its rating 440.42 / 4 = 110.105 exactly -> 110.11
        // BOS pace 500.9 / 5 = 100.18; differential 100.18 - 97.675 = 2.505 exactly -> 2.51 (2.50 from the rounded 97.68)
        assertThat(List.of(tatum.getDecimal("opponent_pace_last_10"), tatum.getDecimal("opponent_off_rating_last_10"),
                tatum.getDecimal("pace_differential"))).containsExactly(new BigDecimal("97.68"), new BigDecimal("110.11"), new BigDecimal("2.51"));
        // the other way round, a tie below zero goes away from zero: 97.675 - 100.18 = -2.505 -> -2.51
        Row brunson = TableRuns.onlyRow(players, "player_lookup", "jalenbrunson");
        assertThat(List.of(brunson.getDecimal("opponent_pace_last_10"), brunson.getDecimal("pace_differential")))
                .containsExactly(new BigDecimal("100.18"), new BigDecimal("-2.51"));

        // medians of two bookmakers: totals (210.0 + 210.29) / 2 = 210.145 exactly -> 210.15 (doubles: 210.14); BOS spreads
        // (-3.25 - 3.5) / 2 = -3.375 -> -3.38, NYK +3.38; openings -3.0 and (209.5 + 210.0) / 2 = 209.75
        // movements from the exact medians: -3.375 + 3.0 = -0.375 -> -0.38; 210.145 - 209.75 = 0.395 -> 0.40
        for (List<Row> rows : List.of(players, TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_TEAM, CONTEXT_DAY))) {
            Row home = rows.stream().filter(row -> row.getString("team_abbr").equals("BOS")).findFirst().orElseThrow();
            Row away = rows.stream().filter(row -> row.getString("team_abbr").equals("NYK")).findFirst().orElseThrow();
            assertLines(home, -3.38, -3.0, -0.38, 210.15, 209.75, 0.4);
            assertLines(away, 3.38, 3.0, 0.38, 210.15, 209.75, 0.4);
        }
    }

    private static void assertDerived(Row row, double possessions, double offensiveRating, double pace, double trueShooting, double effectiveFg)
    {
        assertThat(row.getDouble("possessions")).as(row.getString("team_abbr")).isEqualTo(possessions);
        // NUMERIC: exact decimals at the columns' scales (6,2), (5,1), (5,3), (5,3)
        assertThat(List.of(row.getDecimal("offensive_rating"), row.getDecimal("pace"), row.getDecimal("ts_pct"), row.getDecimal("efg_pct")))
                .as(row.getString("team_abbr"))
                .containsExactly(Numeric.of(offensiveRating, 2), Numeric.of(pace, 1), Numeric.of(trueShooting, 3), Numeric.of(effectiveFg, 3));
    }

    private static void assertPlayer(Row row, double minutes, double trueShooting, double effectiveFg, double usage)
    {
        assertThat(List.of(row.getDecimal("minutes_played"), row.getDecimal("ts_pct"), row.getDecimal("efg_pct"), row.getDecimal("usage_rate")))
                .as(row.getString("player_lookup"))
                .containsExactly(Numeric.of(minutes, 1), Numeric.of(trueShooting, 3), Numeric.of(effectiveFg, 3), Numeric.of(usage, 2));
    }

    private static void assertLines(Row row, double spread, double openingSpread, double spreadMovement, double total, double openingTotal,
            double totalMovement)
    {
        assertThat(List.of(row.getDecimal("game_spread"), row.getDecimal("opening_spread"), row.getDecimal("spread_movement"),
                row.getDecimal("game_total"), row.getDecimal("opening_total"), row.getDecimal("total_movement")))
                .as(row.getString("team_abbr"))
                .containsExactly(Numeric.of(spread, 2), Numeric.of(openingSpread, 2), Numeric.of(spreadMovement, 2), Numeric.of(total, 2),
                        Numeric.of(openingTotal, 2), Numeric.of(totalMovement, 2));
    }
}
