package dev.backfillfleet.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A team's season-long level, in points per game relative to the league: {@code offense} adds
 * to its own scoring, {@code defense} takes away from the opponent's, {@code pace} adds
 * possessions for both. Strengths persist partly from one season to the next.
 */
public record TeamStrength(double offense, double defense, double pace)
{
    static final double LEAGUE_POINTS = 113;
    static final double HOME_COURT_POINTS = 1.25;

    public double net()
    {
        return offense + defense;
    }

    /** The points this team is expected to score against {@code opponent}. */
    public double expectedPoints(TeamStrength opponent, boolean home)
    {
        return LEAGUE_POINTS + offense - opponent.defense + (home ? HOME_COURT_POINTS : -HOME_COURT_POINTS) + pace + opponent.pace;
    }

    static Map<String, TeamStrength> nextSeason(long seed, int seasonYear, Map<String, TeamStrength> previous)
    {
        Map<String, TeamStrength> strengths = new LinkedHashMap<>();
        for (DemoTeam team : DemoTeam.all()) {
            SplittableRandom random = Seeds.random(seed, Purpose.TEAM_STRENGTH, seasonYear, team.code().hashCode());
            TeamStrength last = previous.getOrDefault(team.code(), new TeamStrength(0, 0, 0));
            strengths.put(team.code(), new TeamStrength(
                    0.5 * last.offense + 2.6 * random.nextGaussian(),
                    0.5 * last.defense + 2.6 * random.nextGaussian(),
                    0.5 * last.pace + 1.0 * random.nextGaussian()));
        }
        return Map.copyOf(strengths);
    }
}
