package dev.backfillfleet.demo;

import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.backfillfleet.schema.RawTables.PLAYER_POINTS_PROPS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's points lines are set before tip-off, from what is known then, so they cannot see the
 * game: over a season, a player beats his closing line about as often as not. When the lines were
 * drawn from the minutes actually played (and only for players who then played 12 minutes or more),
 * 59% of results were OVER (48.5% now).
 */
class TestDemoPropOutcomes
{
    private static final Logger log = LoggerFactory.getLogger(TestDemoPropOutcomes.class);
    private static final int SEASON = SharedDemoLeague.SEASON;
    private static final List<String> PREFERRED = List.of("draftkings", "fanduel");

    /**
     * The bound on the OVER share of a season. Over 15,000 results (lines are x.5, so no pushes):
     * sampling noise alone is about 0.4 points of percentage; points are skewed to the right, so a
     * line at the expected points is beaten a little less than half the time (about 1.5 points
     * less here). 3 points either way covers both and is far from what the look-ahead gave.
     */
    private static final double BOUND = 0.03;

    @Test
    void aboutHalfOfTheResultsAgainstTheClosingLineAreOver()
    {
        DemoSeason season = SharedDemoLeague.league().season(SEASON);
        Map<String, Integer> points = new HashMap<>();
        for (GameResult result : season.results()) {
            for (TeamGame team : List.of(result.home(), result.away())) {
                for (PlayerGame player : team.activePlayers()) {
                    points.put(result.game().gameId() + "/" + player.player().lookup(), player.stats().points());
                }
            }
        }
        Map<String, List<Row>> byPlayerGame = SharedDemoLeague.rows(PLAYER_POINTS_PROPS, SEASON).stream()
                .collect(Collectors.groupingBy(row -> row.getDate("game_date").toString().replace("-", "") + "_" + row.getString("away_team_abbr") + "_"
                        + row.getString("home_team_abbr") + "/" + row.getString("player_lookup")));
        int over = 0;
        int under = 0;
        for (Map.Entry<String, List<Row>> entry : byPlayerGame.entrySet()) {
            if (entry.getValue().get(0).getLong("minutes_before_tipoff") == null) {
                continue;
            }
            double line = closingLine(entry.getValue());
            Integer scored = points.get(entry.getKey());
            assertThat(scored).as("%s has a line, so he played", entry.getKey()).isNotNull();
            assertThat(scored.doubleValue()).as("lines are x.5: no push").isNotEqualTo(line);
            over += scored > line ? 1 : 0;
            under += scored < line ? 1 : 0;
        }
        double share = over / (double) (over + under);
        log.info("{} results against the closing line: {} OVER ({}), {} UNDER", over + under, over, String.format("%.3f", share), under);
        assertThat(over + under).isGreaterThan(15_000);
        assertThat(share).isBetween(0.5 - BOUND, 0.5 + BOUND);
    }

    /** The latest pre-game snapshot of the first bookmaker by priority: draftkings, fanduel, then the others alphabetically. */
    private static double closingLine(List<Row> snapshots)
    {
        String bookmaker = snapshots.stream().map(row -> row.getString("bookmaker")).distinct()
                .min(Comparator.comparing((String name) -> PREFERRED.contains(name) ? PREFERRED.indexOf(name) : PREFERRED.size())
                        .thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
        return snapshots.stream()
                .filter(row -> row.getString("bookmaker").equals(bookmaker) && row.getLong("minutes_before_tipoff") >= 0)
                .max(Comparator.comparing(row -> row.getTimestamp("snapshot_timestamp")))
                .map(row -> row.getDouble("points_line"))
                .orElseThrow();
    }
}
