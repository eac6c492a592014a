package dev.backfillfleet.demo;

import static java.util.Objects.requireNonNull;

/** A final game: the schedule entry, both teams' gamebooks, overtime periods and data gaps. */
public record GameResult(DemoGame game, TeamGame home, TeamGame away, int overtimePeriods, GameQuirks quirks)
{
    public GameResult
    {
        requireNonNull(game, "game is null");
        requireNonNull(home, "home is null");
        requireNonNull(away, "away is null");
        requireNonNull(quirks, "quirks is null");
        if (home.points() == away.points()) {
            throw new IllegalArgumentException("tie in " + game.nbaGameId());
        }
    }

    public int homeScore()
    {
        return home.points();
    }

    public int awayScore()
    {
        return away.points();
    }

    public String winner()
    {
        return homeScore() > awayScore() ? game.homeTeam() : game.awayTeam();
    }

    public String loser()
    {
        return game.opponentOf(winner());
    }

    /** Player-seconds per team: 240:00 plus 25:00 per overtime period. */
    public int teamSeconds()
    {
        return GameClock.teamSeconds(overtimePeriods);
    }

    public TeamGame team(String code)
    {
        if (home.team().equals(code)) {
            return home;
        }
        if (away.team().equals(code)) {
            return away;
        }
        throw new IllegalArgumentException(code + " did not play in " + game.nbaGameId());
    }

    public TeamGame opponent(String code)
    {
        return team(game.opponentOf(code));
    }

    public GameResult withGame(DemoGame newGame)
    {
        return new GameResult(newGame, home, away, overtimePeriods, quirks);
    }
}
