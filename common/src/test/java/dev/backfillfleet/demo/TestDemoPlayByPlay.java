package dev.backfillfleet.demo;

import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.backfillfleet.schema.RawTables.PLAY_BY_PLAY;
import static org.assertj.core.api.Assertions.assertThat;

class TestDemoPlayByPlay
{
    private static final int SEASON = SharedDemoLeague.SEASON;

    private final DemoSeason season = SharedDemoLeague.league().season(SEASON);

    @Test
    void shotRowsMatchTheBoxScoreOfEachTeam()
    {
        Map<String, List<Row>> byGame = SharedDemoLeague.rows(PLAY_BY_PLAY, SEASON).stream().collect(Collectors.groupingBy(TestDemoPlayByPlay::game));
        int checked = 0;
        int fallbackGames = 0;
        for (GameResult result : season.results()) {
            DemoGame game = result.game();
            List<Row> events = byGame.get(game.gameDate() + "/" + pair(game.homeTeam(), game.awayTeam()));
            assertThat(events != null).as(game.gameId()).isEqualTo(result.quirks().hasPlayByPlay());
            if (events == null) {
                continue;
            }
            boolean fallback = events.get(0).getString("home_team_abbr").equals(game.awayTeam());
            fallbackGames += fallback ? 1 : 0;
            for (TeamGame team : List.of(result.home(), result.away())) {
                StatLine stats = team.totals();
                List<Row> shots = events.stream().filter(row -> team.team().equals(row.getString("player_1_team_abbr")) && row.getString("shot_type") != null)
                        .toList();
                assertThat(count(shots, "2PT", null)).isEqualTo(stats.twoPtAttempted());
                assertThat(count(shots, "2PT", true)).isEqualTo(stats.twoPtMade());
                assertThat(count(shots, "3PT", null)).isEqualTo(stats.threePtAttempted());
                assertThat(count(shots, "3PT", true)).isEqualTo(stats.threePtMade());
                // free throws are typed only on the NBA.com fallback rows
                assertThat(count(shots, "FT", null)).isEqualTo(fallback ? stats.ftAttempted() : 0);
                List<Row> blocked = shots.stream().filter(row -> PlayByPlayRows.BLOCK.equals(row.getString("player_2_role"))).toList();
                assertThat(blocked).as("shots of %s blocked by the opponent", team.team()).hasSize(result.opponent(team.team()).totals().blocks())
                        .allSatisfy(row -> {
                            assertThat(row.getBoolean("shot_made")).isFalse();
                            assertThat(row.getString("shot_type")).isIn("2PT", "3PT");
                        });
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(1100);
        assertThat(fallbackGames).as("games from the NBA.com fallback").isBetween(checked / 50, checked / 12);
    }

    @Test
    void distancesAreFloatFeetFollowingTheShotType()
    {
        // BigDataBall's rows only: the fallback's have no distances, and their home team is the schedule's away team
        Map<String, String> homeTeams = season.results().stream()
                .collect(Collectors.toMap(result -> result.game().gameDate() + "/" + pair(result.game().homeTeam(), result.game().awayTeam()),
                        result -> result.game().homeTeam()));
        List<Row> events = SharedDemoLeague.rows(PLAY_BY_PLAY, SEASON).stream()
                .filter(row -> homeTeams.get(game(row)).equals(row.getString("home_team_abbr")))
                .toList();
        List<Row> twos = events.stream().filter(row -> "2PT".equals(row.getString("shot_type"))).toList();
        assertThat(twos).allSatisfy(row -> {
            if (row.getDouble("shot_distance") != null) {
                assertThat(row.getDouble("shot_distance")).isBetween(0.0, 22.0);
            }
        });
        double unknown = twos.stream().filter(row -> row.getDouble("shot_distance") == null).count() / (double) twos.size();
        assertThat(unknown).isBetween(0.01, 0.05);
        assertThat(twos.stream().filter(row -> row.getDouble("shot_distance") != null && row.getDouble("shot_distance") <= 8.0).count())
                .isBetween(twos.size() * 35L / 100, twos.size() * 75L / 100);
        assertThat(twos).anyMatch(row -> row.getDouble("shot_distance") != null && row.getDouble("shot_distance") % 1 != 0);
        assertThat(events.stream().filter(row -> "3PT".equals(row.getString("shot_type"))))
                .allSatisfy(row -> assertThat(row.getDouble("shot_distance")).isBetween(22.0, 30.0));
    }

    @Test
    void rowsWithoutAShotTypeHaveNoShotColumnsAndThereAreNoBlockRowsOfTheirOwn()
    {
        List<Row> events = SharedDemoLeague.rows(PLAY_BY_PLAY, SEASON);
        assertThat(events.stream().filter(row -> row.getString("shot_type") == null)).isNotEmpty().allSatisfy(row -> {
            assertThat(row.getDouble("shot_distance")).isNull();
            assertThat(row.getBoolean("shot_made")).isNull();
            assertThat(row.getString("player_2_role")).isNull();
        });
        assertThat(events).extracting(row -> row.getString("player_2_role")).containsOnly(null, PlayByPlayRows.BLOCK, PlayByPlayRows.ASSIST);
    }

    @Test
    void aboutSixPercentOfGamesHaveNoPlayByPlay()
    {
        List<GameResult> results = SharedDemoLeague.league().results();
        double without = results.stream().filter(result -> !result.quirks().hasPlayByPlay()).count() / (double) results.size();
        assertThat(without).isBetween(0.04, 0.08);
        long gamesWithEvents = SharedDemoLeague.rows(PLAY_BY_PLAY, SEASON).stream().map(TestDemoPlayByPlay::game).distinct().count();
        assertThat(gamesWithEvents).isEqualTo(season.results().stream().filter(result -> result.quirks().hasPlayByPlay()).count());
    }

    private static String game(Row row)
    {
        return row.getDate("game_date") + "/" + pair(row.getString("home_team_abbr"), row.getString("away_team_abbr"));
    }

    private static String pair(String one, String other)
    {
        return one.compareTo(other) < 0 ? one + "-" + other : other + "-" + one;
    }

    private static long count(List<Row> shots, String type, Boolean made)
    {
        return shots.stream()
                .filter(row -> type.equals(row.getString("shot_type")))
                .filter(row -> made == null || made.equals(row.getBoolean("shot_made")))
                .count();
    }
}
