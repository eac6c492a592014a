package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schedule.Schedule;
import dev.backfillfleet.schedule.ScheduledGame;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The schedule games before a date, for the season histories of the teams playing on it. A season
 * is shorter than a year, so the year before the date holds every earlier game of its season;
 * games of other seasons are left out by season_year, never by a fixed date.
 */
public final class SeasonSchedule
{
    private static final Comparator<ScheduledGame> NEWEST_FIRST = Comparator.comparing(ScheduledGame::gameDate)
            .thenComparing(ScheduledGame::startTimeEt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ScheduledGame::nbaGameId)
            .reversed();

    private final LocalDate date;
    private final List<ScheduledGame> earlierGames;

    private SeasonSchedule(LocalDate date, List<ScheduledGame> earlierGames)
    {
        this.date = date;
        this.earlierGames = earlierGames.stream().sorted(NEWEST_FIRST).toList();
    }

    public static SeasonSchedule load(Warehouse warehouse, LocalDate date)
    {
        return new SeasonSchedule(date, Schedule.gamesIn(warehouse, DateRange.of(date.minusYears(1), date.minusDays(1))));
    }

    /**
     * The first day a game of season {@code seasonYear} can be on: 1 October of that year, by the
     * convention that defines season_year (a date in October or later belongs to that year's season).
     */
    public static LocalDate seasonStart(long seasonYear)
    {
        return LocalDate.of(Math.toIntExact(seasonYear), 10, 1);
    }

    /** The dates of the season before {@code date} that a team's history S spans; empty on or before the season's first day. */
    public static Optional<DateRange> seasonBefore(LocalDate date, long seasonYear)
    {
        LocalDate start = seasonStart(seasonYear);
        return start.isBefore(date) ? Optional.of(DateRange.of(start, date.minusDays(1))) : Optional.empty();
    }

    public TeamSeason of(String team, long seasonYear)
    {
        return new TeamSeason(team, date, earlierGames.stream()
                .filter(game -> game.seasonYear() == seasonYear)
                .filter(game -> team.equals(game.homeTeam()) || team.equals(game.awayTeam()))
                .toList());
    }
}
