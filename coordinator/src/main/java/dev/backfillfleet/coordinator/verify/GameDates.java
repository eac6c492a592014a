package dev.backfillfleet.coordinator.verify;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.schedule.Schedule;
import dev.backfillfleet.schedule.ScheduledGame;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The schedule's game dates (regular season, play-in, playoffs) that verification counts: those
 * asked for, less the bootstrap period of each season, its first {@value #BOOTSTRAP_DAYS} days from
 * its first regular-season game date (the context tables have no history yet then).
 */
public final class GameDates
{
    public static final int BOOTSTRAP_DAYS = 14;

    private GameDates() {}

    /**
     * The countable game dates, the game dates left out as bootstrap, and for each season with a
     * bootstrap date, the first date it counts from.
     */
    public record Eligible(SortedSet<LocalDate> dates, SortedSet<LocalDate> bootstrapDates, SortedSet<LocalDate> countingStarts) {}

    /** Every date asked for, none a bootstrap date: the countable dates of a table that runs on any date. */
    public static Eligible every(DateSelection asked)
    {
        return new Eligible(new TreeSet<>(asked.dates()), new TreeSet<>(), new TreeSet<>());
    }

    public static Eligible within(Warehouse warehouse, Collection<LocalDate> asked)
    {
        SortedSet<LocalDate> askedDates = new TreeSet<>(asked);
        if (askedDates.isEmpty()) {
            return new Eligible(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        }
        // a season is shorter than a year: the year before the first date holds the start of its season
        List<ScheduledGame> games = Schedule.gamesIn(warehouse, DateRange.of(askedDates.first().minusYears(1), askedDates.last()));
        Map<Long, LocalDate> seasonStarts = seasonStarts(games);
        SortedSet<LocalDate> dates = new TreeSet<>();
        SortedSet<LocalDate> bootstrap = new TreeSet<>();
        SortedSet<LocalDate> countingStarts = new TreeSet<>();
        for (ScheduledGame game : games) {
            if (!askedDates.contains(game.gameDate())) {
                continue;
            }
            LocalDate countingStart = seasonStarts.get(game.seasonYear()).plusDays(BOOTSTRAP_DAYS);
            if (game.gameDate().isBefore(countingStart)) {
                bootstrap.add(game.gameDate());
                countingStarts.add(countingStart);
            }
            else {
                dates.add(game.gameDate());
            }
        }
        return new Eligible(dates, bootstrap, countingStarts);
    }

    /** Each season's first regular-season game date (its first game of any kind when no regular game is known). */
    private static Map<Long, LocalDate> seasonStarts(List<ScheduledGame> games)
    {
        Map<Long, LocalDate> regular = new HashMap<>();
        Map<Long, LocalDate> any = new HashMap<>();
        for (ScheduledGame game : games) {
            any.merge(game.seasonYear(), game.gameDate(), GameDates::earlier);
            if (game.seasonType().equals("regular")) {
                regular.merge(game.seasonYear(), game.gameDate(), GameDates::earlier);
            }
        }
        any.putAll(regular);
        return any;
    }

    private static LocalDate earlier(LocalDate left, LocalDate right)
    {
        return left.isBefore(right) ? left : right;
    }
}
