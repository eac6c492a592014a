package dev.backfillfleet.demo;

import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.backfillfleet.schema.RawTables.GAME_LINES;
import static dev.backfillfleet.schema.RawTables.PLAYER_POINTS_PROPS;
import static org.assertj.core.api.Assertions.assertThat;

class TestDemoOdds
{
    private static final int SEASON = SharedDemoLeague.SEASON;

    private final DemoSeason season = SharedDemoLeague.league().season(SEASON);

    @Test
    void propLinesAreHalfPointsWithConsistentSnapshots()
    {
        Map<String, DemoGame> games = season.schedule().stream().collect(Collectors.toMap(game -> game.gameDate() + "/" + game.homeTeam(), game -> game));
        List<Row> props = SharedDemoLeague.rows(PLAYER_POINTS_PROPS, SEASON);
        assertThat(props).isNotEmpty().allSatisfy(row -> {
            double line = row.getDouble("points_line");
            assertThat(line - Math.floor(line)).isEqualTo(0.5);
            DemoGame game = games.get(row.getDate("game_date") + "/" + row.getString("home_team_abbr"));
            assertThat(row.getDate("game_date")).isEqualTo(game.gameDate());
            assertThat(row.getString("home_team_abbr")).isEqualTo(game.homeTeam());
            assertThat(row.getString("away_team_abbr")).isEqualTo(game.awayTeam());
            if (row.getLong("minutes_before_tipoff") != null) {
                assertThat(row.getTimestamp("snapshot_timestamp")).isEqualTo(game.startTime().minus(Duration.ofMinutes(row.getLong("minutes_before_tipoff"))));
            }
            assertThat(row.getString("bookmaker")).isIn("draftkings", "fanduel", "betmgm", "caesars");
        });
    }

    @Test
    void eachBookmakerHasAnOpeningATipOffAndUsuallyAnInGameSnapshot()
    {
        Map<String, List<Row>> series = SharedDemoLeague.rows(PLAYER_POINTS_PROPS, SEASON).stream()
                .collect(Collectors.groupingBy(row -> row.getDate("game_date") + "/" + row.getString("home_team_abbr") + "/" + row.getString("player_lookup")
                        + "/" + row.getString("bookmaker")));
        int withInGame = 0;
        for (List<Row> loaded : series.values()) {
            // a game processed twice has every row twice; a game without a commence time has no minutes
            List<Row> snapshots = loaded.stream().distinct().toList();
            if (snapshots.get(0).getLong("minutes_before_tipoff") == null) {
                continue;
            }
            List<Long> minutes = snapshots.stream().map(row -> row.getLong("minutes_before_tipoff")).sorted(Comparator.reverseOrder()).toList();
            assertThat(minutes.get(0)).isBetween(1380L, 1500L);
            assertThat(minutes).contains(0L).hasSizeBetween(2, 5).doesNotHaveDuplicates();
            Row closing = snapshots.stream().filter(row -> row.getLong("minutes_before_tipoff") == 0).findFirst().orElseThrow();
            for (Row inGame : snapshots.stream().filter(row -> row.getLong("minutes_before_tipoff") < 0).toList()) {
                assertThat(inGame.getDouble("points_line")).isNotEqualTo(closing.getDouble("points_line"));
                withInGame++;
            }
        }
        assertThat(withInGame).isGreaterThan(series.size() * 3 / 4);
    }

    @Test
    void propsCarryTheDuplicatesAndGapsOfRealAppends()
    {
        DemoSeason later = SharedDemoLeague.league().season(2025);
        Map<String, List<Row>> byGame = SharedDemoLeague.rows(PLAYER_POINTS_PROPS, 2025).stream()
                .collect(Collectors.groupingBy(row -> row.getDate("game_date") + "/" + row.getString("home_team_abbr")));
        long twice = byGame.values().stream().filter(rows -> rows.size() == 2 * rows.stream().distinct().count()).count();
        long withoutMinutes = byGame.values().stream().filter(rows -> rows.get(0).getLong("minutes_before_tipoff") == null).count();
        assertThat(twice).as("games processed twice").isBetween(later.results().size() / 100L, later.results().size() / 15L);
        assertThat(withoutMinutes).as("games without a commence time").isBetween(later.results().size() / 200L, later.results().size() / 25L);
    }

    @Test
    void mostPlayersWithRealMinutesHaveLinesFromSeveralBookmakers()
    {
        Set<String> withProps = new HashSet<>();
        Map<String, Set<String>> bookmakers = new HashMap<>();
        for (Row row : SharedDemoLeague.rows(PLAYER_POINTS_PROPS, SEASON)) {
            String key = row.getDate("game_date").toString().replace("-", "") + "_" + row.getString("away_team_abbr") + "_"
                    + row.getString("home_team_abbr") + "/" + row.getString("player_lookup");
            withProps.add(key);
            bookmakers.computeIfAbsent(key, ignored -> new HashSet<>()).add(row.getString("bookmaker"));
        }
        int eligible = 0;
        int covered = 0;
        for (GameResult result : season.results()) {
            for (TeamGame team : List.of(result.home(), result.away())) {
                for (PlayerGame player : team.players()) {
                    String key = result.game().gameId() + "/" + player.player().lookup();
                    if (!player.isActive()) {
                        assertThat(withProps.contains(key)).as("%s did not play but has props", key).isFalse();
                    }
                    else if (player.seconds() >= 20 * 60) {
                        eligible++;
                        covered += withProps.contains(key) ? 1 : 0;
                    }
                }
            }
        }
        assertThat(covered / (double) eligible).isBetween(0.85, 0.95);
        assertThat(bookmakers.values().stream().mapToInt(Set::size).average().orElseThrow()).isBetween(2.0, 3.8);
    }

    @Test
    void gameLinesHaveOpposedSpreadsAndOneTotalPerSnapshot()
    {
        Map<String, List<Row>> byGame = SharedDemoLeague.rows(GAME_LINES, SEASON).stream()
                .collect(Collectors.groupingBy(row -> row.getDate("game_date") + "/" + row.getString("away_team_abbr") + "/" + row.getString("home_team_abbr")));
        int inGame = 0;
        for (GameResult result : season.results()) {
            DemoGame game = result.game();
            List<Row> lines = byGame.get(game.gameDate() + "/" + game.awayTeam() + "/" + game.homeTeam());
            assertThat(lines != null).isEqualTo(result.quirks().hasGameLines());
            if (lines == null) {
                continue;
            }
            assertThat(lines).allSatisfy(row -> {
                assertThat(row.getTimestamp("commence_time")).isEqualTo(game.startTime());
                assertThat(row.getString("home_team")).isEqualTo(OddsApiTeamNames.of(game.homeTeam()));
                assertThat(row.getString("away_team")).isEqualTo(OddsApiTeamNames.of(game.awayTeam()));
            });
            Map<String, List<Row>> snapshots = lines.stream().collect(Collectors.groupingBy(row -> row.getString("bookmaker_key") + "/" + row.getTimestamp("snapshot_timestamp")));
            assertThat(snapshots.keySet().stream().map(key -> key.split("/")[0]).collect(Collectors.toSet())).contains("draftkings", "fanduel");
            List<java.time.Instant> taken = lines.stream().map(row -> row.getTimestamp("snapshot_timestamp")).distinct().sorted().toList();
            List<java.time.Instant> preGame = taken.stream().filter(instant -> !instant.isAfter(game.startTime())).toList();
            assertThat(preGame).hasSize(2).last().isEqualTo(game.startTime().minus(Duration.ofMinutes(10)));
            inGame += taken.size() - preGame.size();
            snapshots.values().forEach(snapshot -> {
                assertThat(snapshot).hasSize(4);
                double home = point(snapshot, "spreads", OddsApiTeamNames.of(game.homeTeam()));
                assertThat(point(snapshot, "spreads", OddsApiTeamNames.of(game.awayTeam()))).isEqualTo(-home);
                assertThat(home * 2).isEqualTo(Math.rint(home * 2));
                double over = point(snapshot, "totals", "Over");
                assertThat(point(snapshot, "totals", "Under")).isEqualTo(over);
                assertThat(over - Math.floor(over)).isEqualTo(0.5);
                assertThat(over).isBetween(190.0, 260.0);
            });
        }
        assertThat(inGame).as("games with a snapshot taken during the game").isBetween(season.results().size() / 12, season.results().size() / 5);
        double withoutLines = season.results().stream().filter(result -> !result.quirks().hasGameLines()).count() / (double) season.results().size();
        assertThat(withoutLines).isBetween(0.005, 0.04);
    }

    private static double point(List<Row> snapshot, String market, String outcome)
    {
        return snapshot.stream()
                .filter(row -> row.getString("market_key").equals(market) && row.getString("outcome_name").equals(outcome))
                .map(row -> row.getDouble("outcome_point"))
                .findFirst()
                .orElseThrow();
    }
}
