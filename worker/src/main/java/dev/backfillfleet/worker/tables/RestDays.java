package dev.backfillfleet.worker.tables;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;

/**
 * Rest before a game on {@code date}, with the one convention both upcoming tables share:
 * days_rest = days since the last game - 1, so a back-to-back has days_rest 0. Without a
 * previous game, the day counts are null and back_to_back is false.
 */
public record RestDays(Long daysSinceLastGame, Long daysRest, boolean backToBack)
{
    public static final RestDays FIRST_GAME = new RestDays(null, null, false);

    public static RestDays before(LocalDate date, Optional<LocalDate> lastGame)
    {
        if (lastGame.isEmpty()) {
            return FIRST_GAME;
        }
        long since = ChronoUnit.DAYS.between(lastGame.get(), date);
        long rest = since - 1;
        return new RestDays(since, rest, rest == 0);
    }

    /** How many of {@code dates} lie in [date - days, date - 1]. */
    public static long gamesInLastDays(LocalDate date, Collection<LocalDate> dates, int days)
    {
        return dates.stream().filter(played -> isInLastDays(date, played, days)).count();
    }

    public static boolean isInLastDays(LocalDate date, LocalDate played, int days)
    {
        return played.isBefore(date) && !played.isBefore(date.minusDays(days));
    }

    /** The difference of two teams' or players' rest, or null when either has none. */
    public static Long advantage(RestDays own, RestDays opponent)
    {
        if (own.daysRest == null || opponent.daysRest == null) {
            return null;
        }
        return own.daysRest - opponent.daysRest;
    }
}
