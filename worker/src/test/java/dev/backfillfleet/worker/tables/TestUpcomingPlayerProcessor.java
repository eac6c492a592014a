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

import static dev.backfillfleet.worker.tables.RawData.stats;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-computed fixture: NYK at BOS on 2024-12-10, 19:30 ET. Histories are written straight into
 * player_game_summary, team_offense and team_defense for the 30 days before (2024-11-10 to
 * 2024-12-09), with one row just outside the window that must not count.
 */
class TestUpcomingPlayerProcessor
{
    private static final LocalDate DAY = LocalDate.parse("2024-12-10");
    private static final String AWAY = "NYK";
    private static final String HOME = "BOS";

    @TempDir
    Path directory;
    private SqliteWarehouse warehouse;

    @BeforeEach
    void setUp()
    {
        warehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard());
        RawData data = new RawData()
                .game("0022400300", "2024-12-10 19:30", AWAY, HOME, 101L, 99L)
                .player(DAY, AWAY, HOME, "BOS", "Jayson Tatum", "active", "38:00", stats(10, 20, 3, 8, 4, 4, 1, 7, 5, 2, 1, 0, 2), 4L)
                .notPlaying(DAY, AWAY, HOME, "BOS", "Payton Pritchard", "DNP")
                .notPlaying(DAY, AWAY, HOME, "BOS", "Jaylen Brown", "inactive")
                .player(DAY, AWAY, HOME, "NYK", "Jalen Brunson", "active", "36:00", stats(9, 19, 2, 6, 5, 6, 0, 3, 7, 3, 1, 0, 2), -4L)
                .notPlaying(DAY, AWAY, HOME, "NYK", "Mitchell Robinson", "Inactive");
        tatumHistory(data);
        brunsonHistory(data);
        teammatesHistory(data);
        teamHistory(data);
        props(data);
        lines(data);
        injuries(data);
        // the history is written straight into the upstream tables; the season's schedule is whole
        data.wholeSeasons().writeTo(warehouse);
    }

    @AfterEach
    void tearDown()
    {
        warehouse.close();
    }

    @Test
    void computesEveryColumn()
    {
        ProcessorOutput output = TableRuns.run(new UpcomingPlayerProcessor(), warehouse, DAY);
        // Tatum, Pritchard (DNP) and Brunson; Brown (inactive) and Robinson ("Inactive") are not expected to play
        assertThat(output.expectedRowsByGame()).isEqualTo(Map.of("20241210_NYK_BOS", 3L));
        List<Row> rows = TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_PLAYER, DAY);
        assertThat(rows).extracting(row -> row.getString("player_lookup")).containsExactlyInAnyOrder("jaysontatum", "paytonpritchard", "jalenbrunson");

        Row tatum = TableRuns.onlyRow(rows, "player_lookup", "jaysontatum");
        assertIdentity(tatum, "Jayson Tatum", "BOS", "NYK", true);
        // last game 2024-12-09: 1 day since, days_rest 0, a back-to-back
        // last 7 days [12-03, 12-09]: 12-09, 12-07 (DNP), 12-06, 12-04 -> 4 games, 36 + 0 + 34.5 + 38 = 108.5 minutes
        // last 14 days [11-26, 12-09]: those and 12-02, 11-30, 11-29, 11-27 -> 8 games, 108.5 + 35 + 33 + 30 + 37 = 243.5 minutes
        // back-to-backs among those dates: 12-06/12-07 and 11-29/11-30 -> 2
        assertRest(tatum, 1L, 0L, true, 4, 8, 108.5, 243.5, 2);
        // newest 5 played: 30 20 25 28 22 = 125 / 5 = 25.0; newest 10: + 18 26 31 24 27 = 251 / 10 = 25.1
        // sample std of the 10: squares of deviations from 25.1 sum to 158.9; sqrt(158.9 / 9) = 4.2018
        assertScoring(tatum, 25.0, 25.1, 5, 10, 4.20);
        // draftkings first: closing 27.5 (the in-game 33.5 is not a closing line), opening 26.5, movement 1.0
        // over streak vs 27.5: 12-09 30 over, then 12-07 DNP ends it -> 1; under streak 0
        assertProps(tatum, 27.5, 26.5, "draftkings", 1.0, 1, 0);
        // BOS spread: closing medians of (-6.5, -7.0, -6.0) = -6.5; opening (-5.5, -5.0, -6.0) = -5.5 (betmgm's earliest is its only
        // pre-game snapshot; its in-game -12 is ignored); totals closing (222.5, 223.0, 221.5) = 222.5, opening (220.5, 221.0, 221.5) = 221.0
        assertLines(tatum, -6.5, -5.5, -1.0, 222.5, 221.0, 1.5);
        // NYK's newest 10 of 11 games: pace 991.5 / 10 = 99.15, offensive rating 1123 / 10 = 112.3, defensive rating 1085.5 / 10 = 108.55
        // BOS pace (100 + 101 + 102.5) / 3 = 101.1667 -> 101.17; differential 101.17 - 99.15 = 2.02
        assertOpponent(tatum, 99.15, 112.3, 108.55, 2.02);
        // latest report before tip-off says available (the 'out' published after tip-off is ignored); Brown (22.0 avg, doubtful)
        // is a star out; White (15.0 avg) is not a star; Horford was upgraded to probable
        assertInjuries(tatum, "available", "Ankle", 1);
        assertQuality(tatum, "gold", true);

        Row pritchard = TableRuns.onlyRow(rows, "player_lookup", "paytonpritchard");
        assertIdentity(pritchard, "Payton Pritchard", "BOS", "NYK", true);
        assertRest(pritchard, null, null, false, 0, 0, 0.0, 0.0, 0);
        assertScoring(pritchard, null, null, 0, 0, null);
        assertProps(pritchard, null, null, null, null, 0, 0);
        assertLines(pritchard, -6.5, -5.5, -1.0, 222.5, 221.0, 1.5);
        assertOpponent(pritchard, 99.15, 112.3, 108.55, 2.02);
        assertInjuries(pritchard, "available", null, 1);
        assertQuality(pritchard, "bronze", false);

        Row brunson = TableRuns.onlyRow(rows, "player_lookup", "jalenbrunson");
        assertIdentity(brunson, "Jalen Brunson", "NYK", "BOS", false);
        // last game 12-08: 2 days since, days_rest 1; 7 days: 12-08, 12-06, 12-04 (35 + 34 + 36 = 105.0 minutes)
        // 14 days: and 12-02 (33), 11-30 (DNP) -> 5 games, 138.0 minutes; no back-to-backs
        assertRest(brunson, 2L, 1L, false, 3, 5, 105.0, 138.0, 0);
        // only 4 played games: (30 + 25 + 27 + 26) / 4 = 27.0 for both windows; std: squares 9 + 4 + 0 + 1 = 14, sqrt(14 / 3) = 2.160
        assertScoring(brunson, 27.0, 27.0, 4, 4, 2.16);
        // a whole-number line, unchanged: movement 0.0 (not NULL); over streak vs 25.0: 30 over, 25 push (skipped), 27 over, 26 over,
        // then the DNP ends it -> 3
        assertProps(brunson, 25.0, 25.0, "draftkings", 0.0, 3, 0);
        assertLines(brunson, 6.5, 5.5, 1.0, 222.5, 221.0, 1.5);
        // BOS's 3 games: pace 101.17, offensive rating (110 + 111 + 112) / 3 = 111.0, no team_defense rows: NULL
        // differential 99.15 - 101.17 = -2.02
        assertOpponent(brunson, 101.17, 111.0, null, -2.02);
        assertInjuries(brunson, "available", null, 0);
        assertQuality(brunson, "silver", true);

        rows.forEach(row -> {
            assertThat(row.getString("game_id")).isEqualTo("20241210_NYK_BOS");
            assertThat(row.getString("nba_game_id")).isEqualTo("0022400300");
            assertThat(row.getDate("game_date")).isEqualTo(DAY);
            assertThat(row.getLong("season_year")).isEqualTo(2024L);
            assertThat(row.getTimestamp("start_time_et")).isEqualTo(RawData.et("2024-12-10 19:30"));
            assertThat(row.getString("data_hash")).isEqualTo(RowHash.of(AnalyticsSchemas.upcomingPlayer(), row));
            assertThat(row.getTimestamp("processed_at")).isEqualTo(TableRuns.PROCESSED_AT);
        });
    }

    private static void tatumHistory(RawData data)
    {
        Object[][] games = {
                {"2024-12-09", 30L, 36.0}, {"2024-12-07", null, null}, {"2024-12-06", 20L, 34.5}, {"2024-12-04", 25L, 38.0},
                {"2024-12-02", 28L, 35.0}, {"2024-11-30", 22L, 33.0}, {"2024-11-29", 18L, 30.0}, {"2024-11-27", 26L, 37.0},
                {"2024-11-25", 31L, 39.0}, {"2024-11-23", 24L, 35.5}, {"2024-11-20", 27L, 36.0}, {"2024-11-15", 19L, 32.0},
                // outside [D - 30, D - 1]
                {"2024-11-09", 40L, 40.0}};
        for (Object[] game : games) {
            data.pastGame(LocalDate.parse((String) game[0]), "BOS", "XXX", "Jayson Tatum", (Long) game[1], (Double) game[2]);
        }
    }

    private static void brunsonHistory(RawData data)
    {
        data.pastGame(LocalDate.parse("2024-12-08"), "NYK", "XXX", "Jalen Brunson", 30L, 35.0)
                .pastGame(LocalDate.parse("2024-12-06"), "NYK", "XXX", "Jalen Brunson", 25L, 34.0)
                .pastGame(LocalDate.parse("2024-12-04"), "NYK", "XXX", "Jalen Brunson", 27L, 36.0)
                .pastGame(LocalDate.parse("2024-12-02"), "NYK", "XXX", "Jalen Brunson", 26L, 33.0)
                .pastGame(LocalDate.parse("2024-11-30"), "NYK", "XXX", "Jalen Brunson", null, null);
    }

    private static void teammatesHistory(RawData data)
    {
        List<String> dates = List.of("2024-12-09", "2024-12-06", "2024-12-04");
        long[] brownPoints = {20, 22, 24};
        for (int game = 0; game < dates.size(); game++) {
            LocalDate day = LocalDate.parse(dates.get(game));
            data.pastGame(day, "BOS", "XXX", "Jaylen Brown", brownPoints[game], 34.0);
            data.pastGame(day, "BOS", "XXX", "Derrick White", 15L, 30.0);
            data.pastGame(day, "BOS", "XXX", "Al Horford", 19L, 28.0);
        }
    }

    private static void teamHistory(RawData data)
    {
        String[] nykDates = {"2024-12-09", "2024-12-07", "2024-12-05", "2024-12-03", "2024-12-01", "2024-11-29", "2024-11-27", "2024-11-25",
                "2024-11-23", "2024-11-21", "2024-11-19"};
        double[] pace = {98.0, 99.0, 100.0, 101.0, 97.0, 96.0, 102.0, 100.5, 99.5, 98.5, 200.0};
        double[] offensiveRating = {110, 112, 114, 116, 108, 106, 118, 111, 113, 115, 200};
        double[] defensiveRating = {105, 107, 109, 111, 113, 104, 106, 108, 110, 112.5, 300};
        for (int game = 0; game < nykDates.length; game++) {
            data.pastOffense(LocalDate.parse(nykDates[game]), "NYK", pace[game], offensiveRating[game]);
            data.pastDefense(LocalDate.parse(nykDates[game]), "NYK", defensiveRating[game]);
        }
        data.pastOffense(LocalDate.parse("2024-11-09"), "NYK", 500.0, 500.0);
        data.pastOffense(LocalDate.parse("2024-12-09"), "BOS", 100.0, 110.0)
                .pastOffense(LocalDate.parse("2024-12-06"), "BOS", 101.0, 111.0)
                .pastOffense(LocalDate.parse("2024-12-04"), "BOS", 102.5, 112.0);
    }

    private static void props(RawData data)
    {
        data.prop(DAY, AWAY, HOME, "Jayson Tatum", "draftkings", 26.5, "2024-12-09 20:10", 1400)
                .prop(DAY, AWAY, HOME, "Jayson Tatum", "draftkings", 27.5, "2024-12-10 18:30", 60)
                .prop(DAY, AWAY, HOME, "Jayson Tatum", "draftkings", 27.5, "2024-12-10 19:30", 0)
                .prop(DAY, AWAY, HOME, "Jayson Tatum", "draftkings", 33.5, "2024-12-10 19:45", -15)
                .prop(DAY, AWAY, HOME, "Jayson Tatum", "fanduel", 28.5, "2024-12-10 19:00", 30)
                .prop(DAY, AWAY, HOME, "Jalen Brunson", "draftkings", 25.0, "2024-12-09 19:30", 1440)
                .prop(DAY, AWAY, HOME, "Jalen Brunson", "draftkings", 25.0, "2024-12-10 19:20", 10);
    }

    private static void lines(RawData data)
    {
        data.lines(DAY, AWAY, HOME, "draftkings", -5.5, 220.5, "2024-12-09 19:30")
                .lines(DAY, AWAY, HOME, "draftkings", -6.5, 222.5, "2024-12-10 19:20")
                .lines(DAY, AWAY, HOME, "fanduel", -5.0, 221.0, "2024-12-09 19:40")
                .lines(DAY, AWAY, HOME, "fanduel", -7.0, 223.0, "2024-12-10 19:20")
                .lines(DAY, AWAY, HOME, "betmgm", -6.0, 221.5, "2024-12-10 19:20")
                .lines(DAY, AWAY, HOME, "betmgm", -12.0, 230.5, "2024-12-10 20:00");
    }

    private static void injuries(RawData data)
    {
        data.injury(DAY, "BOS", "Jayson Tatum", "questionable", "Ankle", "2024-12-10 13:30")
                .injury(DAY, "BOS", "Jayson Tatum", "available", "Ankle", "2024-12-10 18:30")
                .injury(DAY, "BOS", "Jayson Tatum", "out", "Ankle", "2024-12-10 20:00")
                .injury(DAY, "BOS", "Jaylen Brown", "out", "Knee", "2024-12-10 13:30")
                .injury(DAY, "BOS", "Jaylen Brown", "doubtful", "Knee", "2024-12-10 18:30")
                .injury(DAY, "BOS", "Derrick White", "out", "Illness", "2024-12-10 18:30")
                .injury(DAY, "BOS", "Al Horford", "out", "Rest", "2024-12-10 13:30")
                .injury(DAY, "BOS", "Al Horford", "probable", "Rest", "2024-12-10 18:30");
    }

    private static void assertIdentity(Row row, String name, String team, String opponent, boolean home)
    {
        assertThat(row.getString("player_name")).isEqualTo(name);
        assertThat(row.getString("team_abbr")).isEqualTo(team);
        assertThat(row.getString("opponent_team_abbr")).isEqualTo(opponent);
        assertThat(row.getBoolean("home_game")).isEqualTo(home);
    }

    private static void assertRest(Row row, Long daysSince, Long daysRest, boolean backToBack, long games7, long games14, double minutes7,
            double minutes14, long backToBacks)
    {
        // the real days_rest is the days since the last game; ours with a back-to-back at 0 is player_days_rest
        assertThat(Arrays.asList(row.getLong("days_rest"), row.getLong("player_days_rest"), row.getBoolean("back_to_back"),
                row.getLong("games_in_last_7_days"), row.getLong("games_in_last_14_days"), row.getDouble("minutes_in_last_7_days"),
                row.getDouble("minutes_in_last_14_days"), row.getLong("back_to_backs_last_14_days")))
                .as(row.getString("player_lookup"))
                .isEqualTo(Arrays.asList(daysSince, daysRest, backToBack, games7, games14, minutes7, minutes14, backToBacks));
    }

    private static void assertScoring(Row row, Double average5, Double average10, long used5, long used10, Double deviation)
    {
        assertThat(Arrays.asList(row.getDecimal("points_avg_last_5"), row.getDecimal("points_avg_last_10"), row.getLong("games_used_last_5"),
                row.getLong("games_used_last_10"), row.getDouble("points_std_last_10")))
                .as(row.getString("player_lookup"))
                .isEqualTo(Arrays.asList(Numeric.ofNullable(average5, 1), Numeric.ofNullable(average10, 1), used5, used10, deviation));
    }

    private static void assertProps(Row row, Double current, Double opening, String bookmaker, Double movement, long overStreak, long underStreak)
    {
        assertThat(Arrays.asList(row.getDecimal("current_points_line"), row.getDecimal("opening_points_line"), row.getString("current_points_line_source"),
                row.getDecimal("line_movement"), row.getLong("prop_over_streak"), row.getLong("prop_under_streak")))
                .as(row.getString("player_lookup"))
                .isEqualTo(Arrays.asList(Numeric.ofNullable(current, 1), Numeric.ofNullable(opening, 1), bookmaker, Numeric.ofNullable(movement, 2),
                        overStreak, underStreak));
    }

    private static void assertLines(Row row, Double spread, Double openingSpread, Double spreadMovement, Double total, Double openingTotal,
            Double totalMovement)
    {
        assertThat(Arrays.asList(row.getDecimal("game_spread"), row.getDecimal("opening_spread"), row.getDecimal("spread_movement"),
                row.getDecimal("game_total"), row.getDecimal("opening_total"), row.getDecimal("total_movement")))
                .as(row.getString("player_lookup"))
                .isEqualTo(Arrays.asList(Numeric.ofNullable(spread, 2), Numeric.ofNullable(openingSpread, 2), Numeric.ofNullable(spreadMovement, 2),
                        Numeric.ofNullable(total, 2), Numeric.ofNullable(openingTotal, 2), Numeric.ofNullable(totalMovement, 2)));
    }

    private static void assertOpponent(Row row, Double pace, Double offensiveRating, Double defensiveRating, Double paceDifferential)
    {
        assertThat(Arrays.asList(row.getDecimal("opponent_pace_last_10"), row.getDecimal("opponent_off_rating_last_10"),
                row.getDecimal("opponent_def_rating_last_10"), row.getDecimal("pace_differential")))
                .as(row.getString("player_lookup"))
                .isEqualTo(Arrays.asList(Numeric.ofNullable(pace, 2), Numeric.ofNullable(offensiveRating, 2), Numeric.ofNullable(defensiveRating, 2),
                        Numeric.ofNullable(paceDifferential, 2)));
    }

    private static void assertInjuries(Row row, String status, String reason, long starsOut)
    {
        assertThat(row.getString("player_status")).isEqualTo(status);
        assertThat(row.getString("injury_report")).isEqualTo(reason);
        assertThat(row.getLong("star_teammates_out")).isEqualTo(starsOut);
    }

    private static void assertQuality(Row row, String tier, boolean productionReady)
    {
        assertThat(row.getString("quality_tier")).isEqualTo(tier);
        assertThat(row.getBoolean("is_production_ready")).isEqualTo(productionReady);
    }
}
