package dev.backfillfleet.worker.tables;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A player's history H before the game date: his player_game_summary rows of the window, newest
 * first, with the features analytics-tables.md derives from them.
 */
public record PlayerGames(LocalDate date, List<PastGame> newestFirst)
{
    public PlayerGames
    {
        newestFirst = List.copyOf(newestFirst);
    }

    public int size()
    {
        return newestFirst.size();
    }

    public RestDays rest()
    {
        return RestDays.before(date, newestFirst.stream().map(PastGame::date).findFirst());
    }

    public long gamesInLastDays(int days)
    {
        return inLastDays(days).size();
    }

    /** Minutes over the games in [D - days, D - 1], a DNP counting 0, at 1 decimal. */
    public double minutesInLastDays(int days)
    {
        return Rounding.halfUp(inLastDays(days).stream().mapToDouble(PastGame::minutesOrZero).sum(), 1);
    }

    /** Pairs of consecutive calendar days among the dates of the games in [D - days, D - 1]. */
    public long backToBacksInLastDays(int days)
    {
        Set<LocalDate> dates = inLastDays(days).stream().map(PastGame::date).collect(Collectors.toSet());
        return dates.stream().filter(played -> dates.contains(played.plusDays(1))).count();
    }

    /** The points of the newest {@code games} rows that are not DNP, newest first. */
    public List<Double> recentPoints(int games)
    {
        return newestFirst.stream().filter(PastGame::hasPoints).limit(games).map(game -> (double) game.points()).toList();
    }

    /** Mean of {@link #recentPoints} at 1 decimal; null without any game (a true 0.0 stays 0.0). */
    public Double pointsAverage(int games)
    {
        return Statistics.rounded(Statistics.mean(recentPoints(games)), 1);
    }

    public Double pointsStandardDeviation(int games)
    {
        return Statistics.rounded(Statistics.sampleStandardDeviation(recentPoints(games)), 2);
    }

    /**
     * Consecutive games, newest first, whose points went {@code direction} against {@code line}:
     * a push is skipped, a DNP or the opposite result ends the run; 0 without a line.
     */
    public long propStreak(Optional<Double> line, OverUnder direction)
    {
        if (line.isEmpty()) {
            return 0;
        }
        long streak = 0;
        for (PastGame game : newestFirst) {
            if (!game.hasPoints()) {
                break;
            }
            OverUnder result = OverUnder.of(game.points(), line.get());
            if (result == OverUnder.PUSH) {
                continue;
            }
            if (result != direction) {
                break;
            }
            streak++;
        }
        return streak;
    }

    private List<PastGame> inLastDays(int days)
    {
        return newestFirst.stream().filter(game -> RestDays.isInLastDays(date, game.date(), days)).toList();
    }
}
