package dev.backfillfleet.demo;

import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.backfillfleet.schema.RawTables.GAMEBOOK_PLAYER_STATS;
import static dev.backfillfleet.schema.RawTables.SCHEDULE;
import static dev.backfillfleet.schema.RawTables.TEAM_BOXSCORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestDemoBoxScores
{
    private static final int SEASON = SharedDemoLeague.SEASON;
    private static final List<String> STATS = RawTables.countingStats().stream().map(Column::name).toList();

    private final DemoLeague league = SharedDemoLeague.league();

    @Test
    void teamBoxScoresAreTheSumOfTheirActivePlayers()
    {
        Map<String, List<Row>> playersByTeamGame = gamebook().stream()
                .collect(Collectors.groupingBy(row -> row.getString("game_id") + "/" + row.getString("team_abbr")));
        int checked = 0;
        for (Row team : finalRows(SharedDemoLeague.rows(TEAM_BOXSCORE, SEASON))) {
            if (team.getLong("points") == 0) {
                continue;
            }
            List<Row> active = playersByTeamGame.get(team.getString("game_id") + "/" + team.getString("team_abbr")).stream()
                    .filter(row -> row.getString("player_status").equals("active"))
                    .toList();
            for (String stat : STATS) {
                assertThat(active.stream().mapToLong(row -> row.getLong(stat)).sum()).as("%s of %s", stat, team).isEqualTo(team.getLong(stat));
            }
            int teamSeconds = seconds(team.getString("minutes"));
            assertThat(active.stream().mapToInt(row -> seconds(row.getString("minutes"))).sum()).isEqualTo(teamSeconds);
            assertThat((teamSeconds - 240 * 60) % (25 * 60)).isZero();
            checked++;
        }
        assertThat(checked).isGreaterThan(2600);
    }

    @Test
    void countingStatsAreConsistent()
    {
        List<Row> rows = new ArrayList<>(gamebook());
        rows.addAll(SharedDemoLeague.rows(TEAM_BOXSCORE, SEASON));
        for (Row row : rows) {
            if (row.getLong("points") == null) {
                continue;
            }
            assertThat(row.getLong("fg_made")).isLessThanOrEqualTo(row.getLong("fg_attempted"));
            assertThat(row.getLong("three_pt_made")).isLessThanOrEqualTo(row.getLong("three_pt_attempted"));
            assertThat(row.getLong("three_pt_made")).isLessThanOrEqualTo(row.getLong("fg_made"));
            assertThat(row.getLong("three_pt_attempted")).isLessThanOrEqualTo(row.getLong("fg_attempted"));
            assertThat(row.getLong("ft_made")).isLessThanOrEqualTo(row.getLong("ft_attempted"));
            assertThat(row.getLong("points")).isEqualTo(2 * row.getLong("fg_made") + row.getLong("three_pt_made") + row.getLong("ft_made"));
            assertThat(row.getLong("total_rebounds")).isEqualTo(row.getLong("offensive_rebounds") + row.getLong("defensive_rebounds"));
            assertThat(row.getLong("personal_fouls")).isBetween(0L, row.values().containsKey("player_lookup") ? 6L : 60L);
        }
    }

    @Test
    void gamebooksListFifteenPlayersWithStatsOnlyForActiveOnes()
    {
        Map<String, List<Row>> byTeamGame = gamebook().stream()
                .collect(Collectors.groupingBy(row -> row.getString("game_id") + "/" + row.getString("team_abbr")));
        assertThat(byTeamGame).hasSize(2 * league.season(SEASON).results().size());
        // like the real one, the demo gamebook has no starter column
        assertThat(RawTables.gamebookPlayerStats().column("starter")).isEmpty();
        byTeamGame.forEach((key, players) -> {
            assertThat(players).hasSize(15);
            Map<String, Long> statuses = players.stream().collect(Collectors.groupingBy(row -> row.getString("player_status"), Collectors.counting()));
            assertThat(statuses.get("active")).as(key).isBetween(9L, 11L);
            assertThat(statuses.get("dnp")).as(key).isBetween(1L, 3L);
            for (Row row : players) {
                boolean active = row.getString("player_status").equals("active");
                assertThat(row.getString("minutes") != null).isEqualTo(active);
                assertThat(row.getLong("plus_minus") != null).isEqualTo(active);
                for (String stat : STATS) {
                    assertThat(row.getLong(stat) != null).isEqualTo(active);
                }
                if (active) {
                    assertThat(row.getString("minutes")).matches("\\d{2}:[0-5]\\d");
                }
            }
        });
    }

    @Test
    void marginsArePairedAndScheduleScoresMatchTheGamebooks()
    {
        Map<String, Long> pointsByTeamGame = new HashMap<>();
        for (Row row : gamebook()) {
            if (row.getLong("points") != null) {
                pointsByTeamGame.merge(row.getString("game_id") + "/" + row.getString("team_abbr"), row.getLong("points"), Long::sum);
            }
        }
        int finals = 0;
        for (Row game : SharedDemoLeague.rows(SCHEDULE, SEASON)) {
            if (game.getLong("game_status") != 3L) {
                // an earlier load of the game, before it ended: no scores
                assertThat(game.getLong("game_status")).isIn(1L, 2L);
                assertThat(game.getLong("home_team_score")).isNull();
                continue;
            }
            finals++;
            String home = game.getString("home_team_tricode");
            String away = game.getString("away_team_tricode");
            String gameId = game.getDate("game_date").toString().replace("-", "") + "_" + away + "_" + home;
            assertThat(game.getLong("home_team_score")).isEqualTo(pointsByTeamGame.get(gameId + "/" + home));
            assertThat(game.getLong("away_team_score")).isEqualTo(pointsByTeamGame.get(gameId + "/" + away));
            assertThat(game.getLong("home_team_score")).isNotEqualTo(game.getLong("away_team_score"));
        }
        assertThat(finals).as("one final row per game").isEqualTo(league.season(SEASON).results().size());
        for (GameResult result : league.season(SEASON).results()) {
            assertThat(result.home().plusMinus() + result.away().plusMinus()).isZero();
            assertThat(result.home().plusMinus()).isEqualTo(result.homeScore() - result.awayScore());
        }
    }

    @Test
    void scoresAndOvertimesAreRealistic()
    {
        List<GameResult> results = league.results();
        List<Integer> points = results.stream().flatMap(result -> List.of(result.homeScore(), result.awayScore()).stream()).toList();
        double mean = points.stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertThat(mean).isCloseTo(113, within(4.0));
        assertThat(points.stream().filter(value -> value >= 95 && value <= 135).count()).isGreaterThan(points.size() * 85 / 100);
        double overtime = results.stream().filter(result -> result.overtimePeriods() > 0).count() / (double) results.size();
        assertThat(overtime).isBetween(0.04, 0.08);
        assertThat(results).anySatisfy(result -> assertThat(result.overtimePeriods()).isGreaterThanOrEqualTo(2));
        double homeWins = results.stream().filter(result -> result.winner().equals(result.game().homeTeam())).count() / (double) results.size();
        assertThat(homeWins).isBetween(0.5, 0.62);
    }

    @Test
    void aFewTeamBoxScoresAreMissingOrZeroedButTheGamebookIsComplete()
    {
        List<Row> rows = new ArrayList<>();
        for (DemoSeason season : league.seasons()) {
            rows.addAll(SharedDemoLeague.rows(TEAM_BOXSCORE, season.seasonYear()));
        }
        List<Row> teams = finalRows(rows);
        int teamGames = 2 * league.results().size();
        int missing = teamGames - teams.size();
        long zeroed = teams.stream().filter(row -> row.getLong("points") == 0 && row.getLong("fg_attempted") == 0).count();
        assertThat(missing).isBetween(teamGames / 2000 + 1, teamGames / 100);
        assertThat(zeroed).isBetween(teamGames / 2000L + 1, teamGames / 100L);
        // the rows of half-time loads, under either game id form, each beside its team-game's final row
        List<Row> halfTime = rows.stream().filter(row -> row.getString("minutes").equals("120:00")).toList();
        assertThat(halfTime).hasSizeBetween(teamGames / 50, teamGames / 20);
        assertThat(halfTime).anyMatch(row -> row.getString("game_id").matches("\\d{10}")).anyMatch(row -> row.getString("game_id").contains("_"));
        assertThat(rows).hasSize(teams.size() + halfTime.size());
        long missingInSeason = 2L * league.season(SEASON).results().size() - finalRows(SharedDemoLeague.rows(TEAM_BOXSCORE, SEASON)).size();
        assertThat(league.season(SEASON).results().stream().filter(result -> result.quirks().missingBoxScoreTeam().isPresent()).count()).isEqualTo(missingInSeason);
        assertThat(gamebook()).hasSize(30 * league.season(SEASON).results().size());
        // and earlier parses of about 2% of the games, left under the 10-digit id, older than the rows that replace them
        List<Row> stale = SharedDemoLeague.rows(GAMEBOOK_PLAYER_STATS, SEASON).stream().filter(row -> row.getString("game_id").matches("\\d{10}")).toList();
        assertThat(stale.size() / 30).isBetween(league.season(SEASON).results().size() / 100, league.season(SEASON).results().size() / 25);
    }

    /** The season's gamebook rows under the standard id, their counting stats under the box score's names. */
    private static List<Row> gamebook()
    {
        return SharedDemoLeague.rows(GAMEBOOK_PLAYER_STATS, SEASON).stream()
                .filter(row -> row.getString("game_id").contains("_"))
                .map(row -> {
                    Row renamed = row;
                    for (Map.Entry<String, String> name : RawTables.GAMEBOOK_STAT_NAMES.entrySet()) {
                        renamed = renamed.with(name.getKey(), row.get(name.getValue()));
                    }
                    return renamed;
                })
                .toList();
    }

    /** Per date and team, the row the real pick rule keeps of the demo's (the latest load is the final one). */
    private static List<Row> finalRows(List<Row> rows)
    {
        Map<String, Row> latest = new HashMap<>();
        rows.forEach(row -> latest.merge(row.getDate("game_date") + "/" + row.getString("team_abbr"), row,
                (kept, other) -> other.getTimestamp("processed_at").isAfter(kept.getTimestamp("processed_at")) ? other : kept));
        return List.copyOf(latest.values());
    }

    @Test
    void rostersHaveFifteenUniquelyNamedPlayersAndAFewStars()
    {
        for (DemoSeason season : league.seasons()) {
            Set<String> lookups = new HashSet<>();
            for (DemoTeam team : league.teams()) {
                List<DemoPlayer> roster = season.roster(team.code());
                assertThat(roster).hasSize(15);
                roster.forEach(player -> {
                    assertThat(lookups.add(player.lookup())).as("%s is unique", player.lookup()).isTrue();
                    assertThat(player.lookup()).isEqualTo(player.name().toLowerCase().replaceAll("[^a-z0-9]", "")).matches("[a-z0-9]+");
                });
            }
        }
        assertThat(DemoPlayer.lookupOf("Shai Gilgeous-Alexander")).isEqualTo("shaigilgeousalexander");

        Map<String, List<Integer>> points = new HashMap<>();
        for (GameResult result : league.season(SEASON).results()) {
            for (TeamGame team : List.of(result.home(), result.away())) {
                team.activePlayers().forEach(player -> points.computeIfAbsent(player.player().lookup(), key -> new ArrayList<>()).add(player.stats().points()));
            }
        }
        List<Double> averages = points.values().stream().filter(games -> games.size() >= 40)
                .map(games -> games.stream().mapToInt(Integer::intValue).average().orElseThrow())
                .toList();
        assertThat(averages.stream().filter(average -> average >= 18)).hasSizeBetween(15, 80);
        assertThat(averages.stream().mapToDouble(Double::doubleValue).max().orElseThrow()).isBetween(24.0, 33.0);
        assertThat(averages.stream().filter(average -> average < 8)).hasSizeGreaterThan(50);
    }

    @Test
    void aPlayerKeepsHisLookupAcrossSeasons()
    {
        Set<String> first = league.season(2021).rosters().values().stream().flatMap(List::stream).map(DemoPlayer::lookup).collect(Collectors.toSet());
        long stayed = league.season(2022).rosters().values().stream().flatMap(List::stream).map(DemoPlayer::lookup).filter(first::contains).count();
        assertThat(stayed).isBetween(300L, 440L);
    }

    private static int seconds(String minutes)
    {
        String[] parts = minutes.split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }
}
