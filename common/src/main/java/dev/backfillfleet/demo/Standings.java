package dev.backfillfleet.demo;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Regular-season records: ranked by wins, then point differential, then team code. */
final class Standings
{
    private final Map<String, Integer> wins = new HashMap<>();
    private final Map<String, Integer> pointDifferential = new HashMap<>();

    Standings(List<GameResult> results)
    {
        for (GameResult result : results) {
            wins.merge(result.winner(), 1, Integer::sum);
            int margin = result.homeScore() - result.awayScore();
            pointDifferential.merge(result.game().homeTeam(), margin, Integer::sum);
            pointDifferential.merge(result.game().awayTeam(), -margin, Integer::sum);
        }
    }

    List<String> ranked(DemoTeam.Conference conference)
    {
        return DemoTeam.all().stream()
                .filter(team -> team.conference() == conference)
                .map(DemoTeam::code)
                .sorted(order())
                .toList();
    }

    /** Best record first. */
    Comparator<String> order()
    {
        return Comparator.<String>comparingInt(team -> -wins.getOrDefault(team, 0))
                .thenComparingInt(team -> -pointDifferential.getOrDefault(team, 0))
                .thenComparing(Comparator.naturalOrder());
    }
}
