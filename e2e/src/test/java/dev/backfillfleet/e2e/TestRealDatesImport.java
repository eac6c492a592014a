package dev.backfillfleet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backfillfleet.catalog.BuiltInTables;
import dev.backfillfleet.coordinator.CoordinatorCli;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.e2e.BoxScoreFiles.PlayerLine;
import dev.backfillfleet.e2e.BoxScoreFiles.Stats;
import dev.backfillfleet.e2e.BoxScoreFiles.TeamLine;
import dev.backfillfleet.e2e.RealSchedule.Game;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three real dates imported alone through {@code import}: the real 2024-25 schedule of 2024-10-22
 * to 2024-10-24 (16 games), with box scores and gamebooks for them ({@link BoxScoreFiles}). The box
 * score tables are computed and compared column by column with an independent calculation (plain
 * BigDecimal arithmetic on the imported integers, written from analytics-tables.md), including
 * values exactly on a half. The context tables fail, naming the history the schedule does not
 * cover (the schedule's game numbers show the season is not all there), and verify, with nothing to
 * check in a season's first days, exits 1. Once the season's whole schedule is imported, the
 * context tables succeed.
 */
class TestRealDatesImport
{
    private static final LocalDate FIRST = LocalDate.parse("2024-10-22");
    private static final LocalDate LAST = LocalDate.parse("2024-10-24");
    private static final String RANGE = FIRST + ".." + LAST;
    private static final BigDecimal FREE_THROW_WEIGHT = new BigDecimal("0.44");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    @TempDir
    Path files;

    @Test
    void fewRealDatesAloneThenTheWholeSeasonsSchedule()
            throws IOException
    {
        Path source = RealSchedule.file().orElse(null);
        Assumptions.assumeTrue(source != null, RealSchedule.SKIPPED);
        List<Game> season = RealSchedule.games(source);
        List<Game> fewDates = season.stream().filter(game -> !game.date().isBefore(FIRST) && !game.date().isAfter(LAST)).toList();
        assertThat(fewDates).hasSize(16);
        BoxScoreFiles box = new BoxScoreFiles(fewDates);
        CoordinatorCli cli = StandaloneCli.at(home).set("backfill.demo-data", "false");

        importFile(cli, "nba_raw.nbac_schedule", RealSchedule.write(files.resolve("schedule-few-dates.csv"), fewDates));
        importFile(cli, "nba_raw.nbac_team_boxscore", box.writeTeams(files.resolve("boxscores.csv")));
        importFile(cli, "nba_raw.nbac_gamebook_player_stats", box.writeGamebook(files.resolve("gamebook.csv")));
        CoordinatorCli.Result run = cli.run("run", "--table", "all", "--range", RANGE);
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);

        // the box-score tables need only their date: computed, and right to the last column
        assertThat(states(cli, RANGE)).containsEntry("team_offense_game_summary", Map.of("SUCCEEDED", 3))
                .containsEntry("team_defense_game_summary", Map.of("SUCCEEDED", 3))
                .containsEntry("player_game_summary", Map.of("SUCCEEDED", 3))
                .containsEntry("upcoming_team_game_context", Map.of("FAILED", 3))
                .containsEntry("upcoming_player_game_context", Map.of("FAILED", 3));
        compareWithAnIndependentCalculation(box);

        // the context tables fail, naming the raw table and the history it does not cover, one cause each
        Map<String, JsonNode> groups = failureGroups(cli);
        assertThat(groups).containsOnlyKeys("upcoming_team_game_context", "upcoming_player_game_context");
        JsonNode team = groups.get("upcoming_team_game_context");
        assertThat(team.get("count").asInt()).isEqualTo(3);
        assertThat(team.get("errorClass").asText()).isEqualTo("PERMANENT");
        // the first three dates of the season are games 61 to 76: games 1 to 60 (the NBA Cup's, in November and December) are missing
        String seasonNotWhole = "nba_raw.nbac_schedule does not hold the 2024-25 season whole: it lacks 60 of the regular-season games numbered 1 to 76"
                + " (0022400001..0022400060); import the season's whole schedule, every game, as the real loader writes it";
        assertThat(failure(cli, "upcoming_team_game_context", "2024-10-24")).isEqualTo("upcoming_team_game_context: the season's schedule before"
                + " 2024-10-24 (2024-10-01..2024-10-23) is incomplete: " + seasonNotWhole);
        JsonNode player = groups.get("upcoming_player_game_context");
        assertThat(player.get("count").asInt()).isEqualTo(3);
        assertThat(failure(cli, "upcoming_player_game_context", "2024-10-22")).isEqualTo("upcoming_player_game_context: the 30-day history before"
                + " 2024-10-22 (2024-09-22..2024-10-21) is incomplete: " + seasonNotWhole);

        // three dates in a season's first 14 days: nothing to check, which is not a pass
        CoordinatorCli.Result verify = cli.run("verify", "--range", RANGE);
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("5 of 5 tables have nothing to check in " + RANGE).doesNotContain("reach 95.0%.");

        // the season's whole schedule, as the real loader writes it: the context tables succeed
        CoordinatorCli.Result covered = cli.run("import", "--table", "nba_raw.nbac_schedule", RealSchedule.write(files.resolve("schedule.csv"), season).toString());
        assertThat(covered.exitCode()).as(covered.err()).isZero();
        assertThat(cli.run("retry", "--table", "upcoming_team,upcoming_player", "--failed").exitCode()).isZero();
        CoordinatorCli.Result again = cli.run("run", "--table", "all", "--range", RANGE);
        assertThat(again.exitCode()).as(again.out()).isZero();
        assertThat(states(cli, RANGE).values()).allSatisfy(states -> assertThat(states).isEqualTo(Map.of("SUCCEEDED", 3)));
        checkTheContext(box);
    }

    private static void importFile(CoordinatorCli cli, String table, Path file)
    {
        CoordinatorCli.Result result = cli.run("import", "--table", table, file.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    private void compareWithAnIndependentCalculation(BoxScoreFiles box)
    {
        Map<String, TeamLine> teamLines = box.teams().stream().collect(Collectors.toMap(line -> line.game().gameId() + "|" + line.team(), line -> line));
        List<Row> offense = read(AnalyticsTable.TEAM_OFFENSE);
        List<Row> defense = read(AnalyticsTable.TEAM_DEFENSE);
        List<Row> players = read(AnalyticsTable.PLAYER_SUMMARY);
        assertThat(offense).hasSize(32);
        assertThat(defense).hasSize(32);
        assertThat(players).hasSize(box.players().size());
        for (Row row : offense) {
            TeamLine own = teamLines.get(row.getString("game_id") + "|" + row.getString("team_abbr"));
            TeamLine opponent = teamLines.get(row.getString("game_id") + "|" + own.game().opponentOf(own.team()));
            assertColumns(row, expectedOffense(own, opponent));
        }
        for (Row row : defense) {
            TeamLine own = teamLines.get(row.getString("game_id") + "|" + row.getString("defending_team_abbr"));
            TeamLine opponent = teamLines.get(row.getString("game_id") + "|" + own.game().opponentOf(own.team()));
            assertColumns(row, expectedDefense(own, opponent));
        }
        Map<String, Row> playersByKey = players.stream().collect(Collectors.toMap(row -> row.getString("game_id") + "|" + row.getString("player_lookup"),
                Function.identity()));
        for (PlayerLine line : box.players()) {
            Row row = playersByKey.get(line.game().gameId() + "|" + line.lookup());
            assertThat(row).as(line.name() + " " + line.game().gameId()).isNotNull();
            assertColumns(row, expectedPlayer(line, teamLines.get(line.game().gameId() + "|" + line.team())));
        }

        // the values exactly on a half, one by one: 19200 / 614.4 = 31.25 -> 31.3; 8700 / 96 = 90.625 -> 90.63; 31:33 = 31.55 -> 31.6
        Row bench = playersByKey.get("20241022_NYK_BOS|nykplayer6");
        assertThat(bench.getDecimal("usage_rate")).isEqualTo(new BigDecimal("31.30"));
        Row denver = offense.stream().filter(row -> row.getString("game_id").equals("20241024_OKC_DEN") && row.getString("team_abbr").equals("DEN"))
                .findFirst().orElseThrow();
        assertThat(denver.getDecimal("offensive_rating")).isEqualTo(new BigDecimal("90.63"));
        assertThat(playersByKey.get("20241022_NYK_BOS|nykplayer4").getDecimal("minutes_played")).isEqualTo(new BigDecimal("31.6"));
    }

    private static Map<String, Object> expectedOffense(TeamLine own, TeamLine opponent)
    {
        Stats stats = own.stats();
        Map<String, Object> expected = identity(own, "team_abbr");
        expected.putAll(counting(stats, "", "points_scored", "rebounds"));
        BigDecimal possessions = possessions(stats);
        expected.put("possessions", round(possessions, 1));
        expected.put("offensive_rating", ratio(BigDecimal.valueOf(100 * stats.points()), possessions, 2));
        expected.put("pace", ratio(possessions.multiply(BigDecimal.valueOf(48)), minutes(own).divide(BigDecimal.valueOf(5)), 1));
        expected.put("ts_pct", ratio(BigDecimal.valueOf(stats.points()), shooting(stats).multiply(BigDecimal.valueOf(2)), 3));
        expected.put("efg_pct", ratio(BigDecimal.valueOf(stats.fgMade()).add(new BigDecimal("0.5").multiply(BigDecimal.valueOf(stats.threeMade()))),
                BigDecimal.valueOf(stats.fgAttempted()), 3));
        expected.put("overtime_periods", 0L);
        expected.put("win_flag", stats.points() > opponent.stats().points());
        expected.put("margin_of_victory", stats.points() - opponent.stats().points());
        expected.put("primary_source_used", "team_boxscore");
        expected.put("quality_tier", "gold");
        return expected;
    }

    private static Map<String, Object> expectedDefense(TeamLine own, TeamLine opponent)
    {
        Stats allowed = opponent.stats();
        Map<String, Object> expected = identity(own, "defending_team_abbr");
        expected.put("points_allowed", allowed.points());
        expected.putAll(counting(allowed, "opp_", "points", "rebounds"));
        for (String notInDefense : List.of("opp_defensive_rebounds", "opp_turnovers", "opp_steals", "opp_blocks", "opp_personal_fouls", "opp_points")) {
            expected.remove(notInDefense);
        }
        expected.put("turnovers_forced", allowed.turnovers());
        expected.put("fouls_committed", own.stats().fouls());
        expected.put("steals", own.stats().steals());
        expected.put("blocks", own.stats().blocks());
        expected.put("defensive_rebounds", own.stats().defensiveRebounds());
        BigDecimal possessions = possessions(allowed);
        expected.put("opp_possessions", round(possessions, 1));
        expected.put("defensive_rating", ratio(BigDecimal.valueOf(100 * allowed.points()), possessions, 2));
        expected.put("opponent_pace", ratio(possessions.multiply(BigDecimal.valueOf(48)), minutes(opponent).divide(BigDecimal.valueOf(5)), 1));
        expected.put("opponent_ts_pct", ratio(BigDecimal.valueOf(allowed.points()), shooting(allowed).multiply(BigDecimal.valueOf(2)), 3));
        // no play-by-play imported: the zone columns are NULL
        for (String zone : List.of("opp_paint_attempts", "opp_paint_makes", "opp_mid_range_attempts", "opp_mid_range_makes", "points_in_paint_allowed",
                "mid_range_points_allowed", "blocks_paint", "blocks_mid_range", "blocks_three_pt")) {
            expected.put(zone, null);
        }
        expected.put("three_pt_points_allowed", 3 * allowed.threeMade());
        expected.put("win_flag", own.stats().points() > allowed.points());
        expected.put("margin_of_victory", own.stats().points() - allowed.points());
        expected.put("overtime_periods", 0L);
        expected.put("primary_source_used", "team_boxscore");
        expected.put("quality_tier", "gold");
        return expected;
    }

    private static Map<String, Object> expectedPlayer(PlayerLine line, TeamLine team)
    {
        Game game = line.game();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("game_id", game.gameId());
        expected.put("nba_game_id", game.nbaGameId());
        expected.put("game_date", game.date());
        expected.put("season_year", 2024L);
        expected.put("player_lookup", line.lookup());
        expected.put("player_full_name", line.name());
        expected.put("team_abbr", line.team());
        expected.put("opponent_team_abbr", game.opponentOf(line.team()));
        expected.put("home_game", line.team().equals(game.home()));
        expected.put("player_status", line.status());
        boolean dnp = line.stats() == null;
        expected.put("is_dnp", dnp);
        // the real gamebook has no starter source: unknown (docs/real-warehouse.md)
        expected.put("starter", null);
        expected.put("points_line", null);
        expected.put("over_under_result", null);
        expected.put("win_flag", game.winner().equals(line.team()));
        if (dnp) {
            for (String column : List.of("minutes_played", "points", "fg_makes", "fg_attempts", "three_pt_makes", "three_pt_attempts", "ft_makes",
                    "ft_attempts", "offensive_rebounds", "defensive_rebounds", "total_rebounds", "assists", "steals", "blocks", "turnovers",
                    "personal_fouls", "plus_minus", "ts_pct", "efg_pct", "usage_rate")) {
                expected.put(column, null);
            }
            return expected;
        }
        Stats stats = line.stats();
        long seconds = seconds(line.minutes());
        expected.put("minutes_played", BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP));
        expected.putAll(counting(stats, "", "points", "total_rebounds"));
        expected.put("plus_minus", 0L);
        expected.put("ts_pct", ratio(BigDecimal.valueOf(stats.points()), shooting(stats).multiply(BigDecimal.valueOf(2)), 3));
        expected.put("efg_pct", ratio(BigDecimal.valueOf(2 * stats.fgMade() + stats.threeMade()), BigDecimal.valueOf(2 * stats.fgAttempted()), 3));
        // 100 x plays x (team minutes / 5) / ((seconds / 60) x team plays), as one fraction: 100 x plays x team minutes x 60 / (5 x seconds x team plays)
        BigDecimal plays = shooting(stats).add(BigDecimal.valueOf(stats.turnovers()));
        BigDecimal teamPlays = shooting(team.stats()).add(BigDecimal.valueOf(team.stats().turnovers()));
        // at 1 decimal, in a NUMERIC(6,2) column: 31.3 is stored as 31.30
        BigDecimal usage = ratio(plays.multiply(BigDecimal.valueOf(100L * 60)).multiply(minutes(team)), BigDecimal.valueOf(5 * seconds).multiply(teamPlays), 1);
        expected.put("usage_rate", usage == null || usage.compareTo(BigDecimal.valueOf(100)) > 0 ? null : usage.setScale(2));
        return expected;
    }

    private static Map<String, Object> identity(TeamLine line, String teamColumn)
    {
        Game game = line.game();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("game_id", game.gameId());
        expected.put("nba_game_id", game.nbaGameId());
        expected.put("game_date", game.date());
        expected.put("season_year", 2024L);
        expected.put(teamColumn, line.team());
        expected.put("opponent_team_abbr", game.opponentOf(line.team()));
        expected.put("home_game", line.team().equals(game.home()));
        return expected;
    }

    /** The counting columns in the real tables' names: makes and attempts; points and rebounds as each table calls them. */
    private static Map<String, Object> counting(Stats stats, String prefix, String points, String rebounds)
    {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put(prefix + points, stats.points());
        columns.put(prefix + "fg_makes", stats.fgMade());
        columns.put(prefix + "fg_attempts", stats.fgAttempted());
        columns.put(prefix + "three_pt_makes", stats.threeMade());
        columns.put(prefix + "three_pt_attempts", stats.threeAttempted());
        columns.put(prefix + "ft_makes", stats.ftMade());
        columns.put(prefix + "ft_attempts", stats.ftAttempted());
        columns.put(prefix + "offensive_rebounds", stats.offensiveRebounds());
        columns.put(prefix + "defensive_rebounds", stats.defensiveRebounds());
        columns.put(prefix + rebounds, stats.offensiveRebounds() + stats.defensiveRebounds());
        columns.put(prefix + "assists", stats.assists());
        columns.put(prefix + "turnovers", stats.turnovers());
        columns.put(prefix + "steals", stats.steals());
        columns.put(prefix + "blocks", stats.blocks());
        columns.put(prefix + "personal_fouls", stats.fouls());
        return columns;
    }

    /** FGA + 0.44 x FTA - OREB + TOV, exactly. */
    private static BigDecimal possessions(Stats stats)
    {
        return shooting(stats).subtract(BigDecimal.valueOf(stats.offensiveRebounds())).add(BigDecimal.valueOf(stats.turnovers()));
    }

    /** FGA + 0.44 x FTA, exactly. */
    private static BigDecimal shooting(Stats stats)
    {
        return BigDecimal.valueOf(stats.fgAttempted()).add(FREE_THROW_WEIGHT.multiply(BigDecimal.valueOf(stats.ftAttempted())));
    }

    private static BigDecimal minutes(TeamLine line)
    {
        return BigDecimal.valueOf(seconds(line.minutes()) / 60);
    }

    private static long seconds(String minutes)
    {
        String[] parts = minutes.split(":");
        return Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1]);
    }

    /** Exact, at the NUMERIC column's scale (the decimals of analytics-tables.md), or null without a denominator. */
    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator, int decimals)
    {
        return denominator.signum() == 0 ? null : numerator.divide(denominator, decimals, RoundingMode.HALF_UP);
    }

    private static double round(BigDecimal value, int decimals)
    {
        return value.setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** Every column the calculation names, and no business column of the table left out of it. */
    private static void assertColumns(Row row, Map<String, Object> expected)
    {
        Map<String, Object> actual = new HashMap<>(row.values());
        actual.remove("data_hash");
        actual.remove("processed_at");
        assertThat(actual.keySet()).as("columns of %s", expected.get("game_id")).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((column, value) -> assertThat(actual.get(column)).as("%s %s", row.getString("game_id"), column)
                .isEqualTo(value instanceof Long || value instanceof Integer ? ((Number) value).longValue() : value));
    }

    private void checkTheContext(BoxScoreFiles box)
    {
        // BOS: beat NYK 132-109 at home on 10-22, at WAS 10-24 (no game 10-23): second game, one day of rest
        Row boston = read(AnalyticsTable.UPCOMING_TEAM).stream()
                .filter(row -> row.getString("team_abbr").equals("BOS") && row.getDate("game_date").equals(LAST)).findFirst().orElseThrow();
        assertThat(List.of(boston.getLong("game_number_in_season"), boston.getLong("team_days_rest"), boston.getLong("team_win_streak_entering"),
                boston.getLong("last_game_margin"))).containsExactly(2L, 1L, 1L, 23L);
        assertThat(boston.getString("last_game_result")).isEqualTo("W");
        // a BOS starter's history is his 10-22 line
        long pointsOn22 = box.players().stream().filter(line -> line.game().date().equals(FIRST) && line.lookup().equals("bosplayer1"))
                .findFirst().orElseThrow().stats().points();
        Row starter = read(AnalyticsTable.UPCOMING_PLAYER).stream()
                .filter(row -> row.getString("player_lookup").equals("bosplayer1") && row.getDate("game_date").equals(LAST)).findFirst().orElseThrow();
        // the real days_rest: the days since his last game
        assertThat(starter.getLong("days_rest")).isEqualTo(2L);
        assertThat(starter.getDecimal("points_avg_last_5")).isEqualTo(BigDecimal.valueOf(pointsOn22).setScale(1));
        assertThat(starter.getLong("games_used_last_5")).isEqualTo(1L);
    }

    private List<Row> read(AnalyticsTable table)
    {
        try (SqliteWarehouse warehouse = SqliteWarehouse.open(home.resolve("warehouse.db"), SchemaCatalog.standard())) {
            return warehouse.read(AnalyticsSchemas.ref(table), DateRange.of(FIRST, LAST));
        }
    }

    /** Per table, dates per state (only states with dates). */
    private static Map<String, Map<String, Integer>> states(CoordinatorCli cli, String range)
            throws IOException
    {
        JsonNode tables = JSON.readTree(cli.run("status", "--range", range, "--json").out()).get("tables");
        Map<String, Map<String, Integer>> states = new HashMap<>();
        for (String table : BuiltInTables.analyticsTables().stream().map(AnalyticsTable::tableName).toList()) {
            Map<String, Integer> counts = new HashMap<>();
            tables.get(table).fields().forEachRemaining(entry -> {
                if (entry.getValue().asInt() > 0) {
                    counts.put(entry.getKey(), entry.getValue().asInt());
                }
            });
            states.put(table, counts);
        }
        return states;
    }

    /** The failure groups of the range's dates, by table (each table must have at most one). */
    private static Map<String, JsonNode> failureGroups(CoordinatorCli cli)
            throws IOException
    {
        Map<String, JsonNode> groups = new HashMap<>();
        List<String> tables = new ArrayList<>();
        for (JsonNode group : JSON.readTree(cli.run("failed", "--range", RANGE, "--json").out()).get("groups")) {
            tables.add(group.get("table").asText());
            groups.put(group.get("table").asText(), group);
        }
        assertThat(tables).as("one group per table").doesNotHaveDuplicates();
        return groups;
    }

    private static String failure(CoordinatorCli cli, String table, String date)
            throws IOException
    {
        for (JsonNode failed : JSON.readTree(cli.run("failed", "--range", RANGE, "--json").out()).get("failed")) {
            if (failed.get("table").asText().equals(table) && failed.get("date").asText().equals(date)) {
                return failed.get("message").asText();
            }
        }
        throw new AssertionError("no failure of " + table + " on " + date);
    }
}
