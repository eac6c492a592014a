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
    void shotEventsMatchTheBoxScoreOfEachTeam()
    {
        Map<String, List<Row>> byGame = SharedDemoLeague.rows(PLAY_BY_PLAY, SEASON).stream()
                .collect(Collectors.groupingBy(row -> row.getString("game_id")));
        int checked = 0;
        for (GameResult result : season.results()) {
            List<Row> events = byGame.get(result.game().gameId());
            assertThat(events != null).as(result.game().gameId()).isEqualTo(result.quirks().hasPlayByPlay());
            if (events == null) {
                continue;
            }
            for (TeamGame team : List.of(result.home(), result.away())) {
                StatLine stats = team.totals();
                List<Row> shots = events.stream()
                        .filter(row -> row.getString("event_team_abbr").equals(team.team()) && row.getString("event_type").equals("shot"))
                        .toList();
                assertThat(count(shots, "2PT", null)).isEqualTo(stats.twoPtAttempted());
                assertThat(count(shots, "2PT", true)).isEqualTo(stats.twoPtMade());
                assertThat(count(shots, "3PT", null)).isEqualTo(stats.threePtAttempted());
                assertThat(count(shots, "3PT", true)).isEqualTo(stats.threePtMade());
                assertThat(count(shots, "FT", null)).isEqualTo(stats.ftAttempted());
                assertThat(count(shots, "FT", true)).isEqualTo(stats.ftMade());
                long blocked = shots.stream().filter(row -> row.getBoolean("blocked")).count();
                assertThat(blocked).as("shots of %s blocked by the opponent", team.team()).isEqualTo(result.opponent(team.team()).totals().blocks());
                assertThat(shots.stream().filter(row -> row.getBoolean("blocked")))
                        .allSatisfy(row -> {
                            assertThat(row.getBoolean("shot_made")).isFalse();
                            assertThat(row.getString("shot_type")).isNotEqualTo("FT");
                        });
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(1100);
    }

    @Test
    void distancesFollowTheShotType()
    {
        List<Row> events = SharedDemoLeague.rows(PLAY_BY_PLAY, SEASON);
        List<Row> twos = events.stream().filter(row -> "2PT".equals(row.getString("shot_type"))).toList();
        assertThat(twos).allSatisfy(row -> {
            if (row.getLong("shot_distance") != null) {
                assertThat(row.getLong("shot_distance")).isBetween(0L, 22L);
            }
        });
        double unknown = twos.stream().filter(row -> row.getLong("shot_distance") == null).count() / (double) twos.size();
        assertThat(unknown).isBetween(0.01, 0.05);
        assertThat(twos.stream().filter(row -> row.getLong("shot_distance") != null && row.getLong("shot_distance") <= 8).count())
                .isBetween(twos.size() * 35L / 100, twos.size() * 75L / 100);
        assertThat(events.stream().filter(row -> "3PT".equals(row.getString("shot_type"))))
                .allSatisfy(row -> assertThat(row.getLong("shot_distance")).isBetween(22L, 30L));
        assertThat(events.stream().filter(row -> "FT".equals(row.getString("shot_type"))))
                .allSatisfy(row -> assertThat(row.getLong("shot_distance")).isNull());
    }

    @Test
    void otherEventsHaveNoShotColumnsAndThereAreNoBlockEvents()
    {
        List<Row> events = SharedDemoLeague.rows(PLAY_BY_PLAY, SEASON);
        List<Row> others = events.stream().filter(row -> row.getString("event_type").equals("other")).toList();
        assertThat(others).isNotEmpty().allSatisfy(row -> {
            assertThat(row.getString("shot_type")).isNull();
            assertThat(row.getLong("shot_distance")).isNull();
            assertThat(row.getBoolean("shot_made")).isNull();
            assertThat(row.getBoolean("blocked")).isNull();
        });
        assertThat(events).extracting(row -> row.getString("event_type")).containsOnly("shot", "other");
    }

    @Test
    void aboutSixPercentOfGamesHaveNoPlayByPlay()
    {
        List<GameResult> results = SharedDemoLeague.league().results();
        double without = results.stream().filter(result -> !result.quirks().hasPlayByPlay()).count() / (double) results.size();
        assertThat(without).isBetween(0.04, 0.08);
        long gamesWithEvents = SharedDemoLeague.rows(PLAY_BY_PLAY, SEASON).stream().map(row -> row.getString("game_id")).distinct().count();
        assertThat(gamesWithEvents).isEqualTo(season.results().stream().filter(result -> result.quirks().hasPlayByPlay()).count());
    }

    private static long count(List<Row> shots, String type, Boolean made)
    {
        return shots.stream()
                .filter(row -> row.getString("shot_type").equals(type))
                .filter(row -> made == null || made.equals(row.getBoolean("shot_made")))
                .count();
    }
}
