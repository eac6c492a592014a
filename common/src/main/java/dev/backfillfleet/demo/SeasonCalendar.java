package dev.backfillfleet.demo;

import dev.backfillfleet.domain.DateRange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The fixed dates of one season: the real regular-season start and end and the real All-Star
 * Sunday. Regular-season games are never played on Thanksgiving, Christmas Eve or during the
 * All-Star break (Friday before to Wednesday after All-Star Sunday).
 */
public record SeasonCalendar(int seasonYear, LocalDate regularSeasonStart, LocalDate regularSeasonEnd, LocalDate allStarSunday)
{
    private static final List<SeasonCalendar> DEMO_SEASONS = List.of(
            new SeasonCalendar(2021, LocalDate.of(2021, 10, 19), LocalDate.of(2022, 4, 10), LocalDate.of(2022, 2, 20)),
            new SeasonCalendar(2022, LocalDate.of(2022, 10, 18), LocalDate.of(2023, 4, 9), LocalDate.of(2023, 2, 19)),
            new SeasonCalendar(2023, LocalDate.of(2023, 10, 24), LocalDate.of(2024, 4, 14), LocalDate.of(2024, 2, 18)),
            new SeasonCalendar(2024, LocalDate.of(2024, 10, 22), LocalDate.of(2025, 4, 13), LocalDate.of(2025, 2, 16)),
            new SeasonCalendar(2025, LocalDate.of(2025, 10, 21), LocalDate.of(2026, 4, 12), LocalDate.of(2026, 2, 15)));

    public SeasonCalendar
    {
        requireNonNull(regularSeasonStart, "regularSeasonStart is null");
        requireNonNull(regularSeasonEnd, "regularSeasonEnd is null");
        requireNonNull(allStarSunday, "allStarSunday is null");
        if (regularSeasonStart.getYear() != seasonYear || !regularSeasonEnd.isAfter(regularSeasonStart)) {
            throw new IllegalArgumentException("season " + seasonYear + " runs " + regularSeasonStart + ".." + regularSeasonEnd);
        }
        if (allStarSunday.getDayOfWeek() != DayOfWeek.SUNDAY || !DateRange.of(regularSeasonStart, regularSeasonEnd).contains(allStarSunday)) {
            throw new IllegalArgumentException("All-Star Sunday " + allStarSunday + " is not a Sunday in the season");
        }
    }

    /** The seasons 2021-22 to 2025-26. */
    public static List<SeasonCalendar> demoSeasons()
    {
        return DEMO_SEASONS;
    }

    public DateRange regularSeasonRange()
    {
        return DateRange.of(regularSeasonStart, regularSeasonEnd);
    }

    /** The fourth Thursday of November. */
    public LocalDate thanksgiving()
    {
        return LocalDate.of(seasonYear, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
    }

    public LocalDate christmasEve()
    {
        return LocalDate.of(seasonYear, 12, 24);
    }

    public LocalDate christmas()
    {
        return LocalDate.of(seasonYear, 12, 25);
    }

    /** Friday before to Wednesday after All-Star Sunday: six days without games. */
    public DateRange allStarBreak()
    {
        return DateRange.of(allStarSunday.minusDays(2), allStarSunday.plusDays(3));
    }

    public boolean isRegularSeasonGameDay(LocalDate date)
    {
        return regularSeasonRange().contains(date)
                && !date.equals(thanksgiving())
                && !date.equals(christmasEve())
                && !allStarBreak().contains(date);
    }

    /** Play-in games are played two, three and five days after the regular season ends. */
    public LocalDate playInStart()
    {
        return regularSeasonEnd.plusDays(2);
    }

    public LocalDate playoffsStart()
    {
        return regularSeasonEnd.plusDays(6);
    }

    /** The NBA Finals start on the first Thursday of June at the earliest. */
    public LocalDate earliestFinalsStart()
    {
        return LocalDate.of(seasonYear + 1, 6, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
    }
}
