package dev.backfillfleet.demo;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** One team's side of a game: its 15 gamebook lines and their totals. */
public record TeamGame(String team, boolean home, List<PlayerGame> players, StatLine totals, int plusMinus)
{
    public TeamGame
    {
        requireNonNull(team, "team is null");
        players = List.copyOf(players);
        requireNonNull(totals, "totals is null");
    }

    static TeamGame of(String team, boolean home, List<PlayerGame> players, int plusMinus)
    {
        StatLine totals = StatLine.ZERO;
        for (PlayerGame player : players) {
            if (player.isActive()) {
                totals = totals.plus(player.stats());
            }
        }
        return new TeamGame(team, home, players, totals, plusMinus);
    }

    public int points()
    {
        return totals.points();
    }

    public List<PlayerGame> activePlayers()
    {
        return players.stream().filter(PlayerGame::isActive).toList();
    }
}
