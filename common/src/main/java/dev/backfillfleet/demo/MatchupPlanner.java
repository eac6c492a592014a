package dev.backfillfleet.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The NBA's 82-game formula: 4 games against each division rival, 4 against six and 3 against
 * four of the other ten conference teams, 2 against each team of the other conference. Every
 * team gets exactly 41 home games: the 3-game pairs form, for each pair of divisions, a ring in
 * which every team hosts twice against one opponent and once against the other. The ring
 * rotates with the season.
 */
final class MatchupPlanner
{
    private static final int TEAMS_PER_DIVISION = 5;
    private static final int DIVISIONS_PER_CONFERENCE = 3;

    private MatchupPlanner() {}

    static List<Matchup> plan(int seasonYear)
    {
        List<DemoTeam> teams = DemoTeam.all();
        int rotation = Math.floorMod(seasonYear, TEAMS_PER_DIVISION);
        List<Matchup> games = new ArrayList<>();
        for (int first = 0; first < teams.size(); first++) {
            for (int second = first + 1; second < teams.size(); second++) {
                DemoTeam a = teams.get(first);
                DemoTeam b = teams.get(second);
                if (a.conference() != b.conference()) {
                    add(games, first, second, 1, 1);
                }
                else if (a.division().equals(b.division())) {
                    add(games, first, second, 2, 2);
                }
                else {
                    int hostsOfFirst = threeGameHosting(first, second, rotation);
                    add(games, first, second, hostsOfFirst < 0 ? 2 : hostsOfFirst, hostsOfFirst < 0 ? 2 : 3 - hostsOfFirst);
                }
            }
        }
        return List.copyOf(games);
    }

    /** Home games of team {@code first} against {@code second} (first's division comes first) in a 3-game pair, or -1 for a 4-game pair. */
    private static int threeGameHosting(int first, int second, int rotation)
    {
        int i = first % TEAMS_PER_DIVISION;
        int j = second % TEAMS_PER_DIVISION;
        int divisionPair = (first / TEAMS_PER_DIVISION) % DIVISIONS_PER_CONFERENCE + (second / TEAMS_PER_DIVISION) % DIVISIONS_PER_CONFERENCE;
        int shift = rotation + divisionPair;
        if (j == (i + shift) % TEAMS_PER_DIVISION) {
            return 2;
        }
        if (j == (i + shift + 1) % TEAMS_PER_DIVISION) {
            return 1;
        }
        return -1;
    }

    private static void add(List<Matchup> games, int first, int second, int firstHosts, int secondHosts)
    {
        for (int game = 0; game < firstHosts; game++) {
            games.add(new Matchup(first, second));
        }
        for (int game = 0; game < secondHosts; game++) {
            games.add(new Matchup(second, first));
        }
    }
}
