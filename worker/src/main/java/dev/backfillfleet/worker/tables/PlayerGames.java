package dev.backfillfleet.worker.tables;

import java.math.BigDecimal;
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
    static final int MINUTES_DECIMALS = 1;
    static final int AVERAGE_DECIMALS = 1;
    static final int DEVIATION_DECIMALS = 2;

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

    /** Minutes over the games in [D - days, D - 1], a DNP counting 0, summed exactly, at 1 decimal. */
    public BigDecimal minutesInLastDays(int days)
    {
        return Rounding.column(Statistics.sum(inLastDays(days).stream().map(PastGame::minutesOrZero).toList()), MINUTES_DECIMALS);
    }

    /** Pairs of consecutive calendar days among the dates of the games in [D - days, D - 1]. */
    public long backToBacksInLastDays(int days)
    {
        Set<LocalDate> dates = inLastDays(days).stream().map(PastGame::date).collect(Collectors.toSet());
        return dates.stream().filter(played -> dates.contains(played.plusDays(1))).count();
    }

    /** The points of the newest {@code games} rows that are not DNP, newest first. */
    public List<Fraction> recentPoints(int games)
    {
        return newestFirst.stream().filter(PastGame::hasPoints).limit(games).map(game -> Fraction.of(game.points())).toList();
    }

    /** The exact mean of {@link #recentPoints}; null without any game. */
    public Fraction exactPointsAverage(int games)
    {
        return Statistics.mean(recentPoints(games));
    }

    /** {@link #exactPointsAverage} at 1 decimal (a true 0.0 stays 0.0, never NULL). */
    public BigDecimal pointsAverage(int games)
    {
        return Rounding.columnOrNull(exactPointsAverage(games), AVERAGE_DECIMALS);
    }

    /** The sample standard deviation of {@link #recentPoints} at 2 decimals; null for fewer than two games. */
    public Double pointsStandardDeviation(int games)
    {
        return Statistics.sampleStandardDeviation(recentPoints(games), DEVIATION_DECIMALS);
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
