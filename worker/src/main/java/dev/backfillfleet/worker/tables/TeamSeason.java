package dev.backfillfleet.worker.tables;

import dev.backfillfleet.schedule.ScheduledGame;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A team's history S before a game date: its schedule games of the same season before the date
 * (the whole season, not a window), newest first, with the features of the upcoming team context.
 */
public record TeamSeason(String team, LocalDate date, List<ScheduledGame> newestFirst)
{
    public TeamSeason
    {
        newestFirst = List.copyOf(newestFirst);
    }

    public RestDays rest()
    {
        return RestDays.before(date, lastGame().map(ScheduledGame::gameDate));
    }

    public long gamesInLastDays(int days)
    {
        return RestDays.gamesInLastDays(date, newestFirst.stream().map(ScheduledGame::gameDate).toList(), days);
    }

    public long gameNumber()
    {
        return newestFirst.size() + 1L;
    }

    public Optional<ScheduledGame> lastGame()
    {
        return newestFirst.stream().findFirst();
    }

    /** Consecutive wins ({@code wins}) or losses among the final games, newest first. */
    public long streak(boolean wins)
    {
        long streak = 0;
        for (ScheduledGame game : finalGames()) {
            if (won(game) != wins) {
                break;
            }
            streak++;
        }
        return streak;
    }

    /** The newest final game's margin for this team. */
    public Optional<Long> lastMargin()
    {
        return finalGames().stream().findFirst().map(this::margin);
    }

    /** Away games in a row, newest first, counting the coming game when it is away; 0 for a home game. */
    public long consecutiveRoadGames(boolean comingGameAway)
    {
        if (!comingGameAway) {
            return 0;
        }
        long run = 1;
        for (ScheduledGame game : newestFirst) {
            if (!team.equals(game.awayTeam())) {
                break;
            }
            run++;
        }
        return run;
    }

    private List<ScheduledGame> finalGames()
    {
        return newestFirst.stream().filter(game -> game.isFinal() && game.homeScore() != null && game.awayScore() != null).toList();
    }

    private boolean won(ScheduledGame game)
    {
        return margin(game) > 0;
    }

    private long margin(ScheduledGame game)
    {
        long difference = game.homeScore() - game.awayScore();
        return team.equals(game.homeTeam()) ? difference : -difference;
    }
}
