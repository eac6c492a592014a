package dev.backfillfleet.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Realistic US Eastern tip-off times. */
final class TipOffTimes
{
    static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private static final List<LocalTime> CHRISTMAS = times("12:00", "14:30", "17:00", "20:00", "22:30");
    private static final List<LocalTime> SUNDAY_MATINEE = times("13:00", "15:30", "18:00");
    private static final List<LocalTime> SATURDAY_MATINEE = times("15:00", "17:00");
    private static final List<LocalTime> EASTERN_NIGHT = times("19:00", "19:30", "20:00");
    private static final List<LocalTime> CENTRAL_NIGHT = times("20:00", "19:30", "20:30");
    private static final List<LocalTime> MOUNTAIN_NIGHT = times("21:00", "20:00", "22:00");
    private static final List<LocalTime> PACIFIC_NIGHT = times("22:00", "22:30", "21:00");

    private TipOffTimes() {}

    static Instant instant(LocalDate date, LocalTime time)
    {
        return date.atTime(time).atZone(EASTERN).toInstant();
    }

    /** By the home arena's zone (7-7:30 pm local, mostly), with some weekend matinees. */
    static LocalTime regularSeason(LocalDate date, DemoTeam home, SplittableRandom random)
    {
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY && Draws.chance(random, 0.25)) {
            return Draws.pick(random, SUNDAY_MATINEE);
        }
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY && Draws.chance(random, 0.10)) {
            return Draws.pick(random, SATURDAY_MATINEE);
        }
        return switch (home.timeZone()) {
            case EASTERN -> EASTERN_NIGHT.get(Draws.weighted(random, 0.45, 0.45, 0.10));
            case CENTRAL -> CENTRAL_NIGHT.get(Draws.weighted(random, 0.60, 0.20, 0.20));
            case MOUNTAIN -> MOUNTAIN_NIGHT.get(Draws.weighted(random, 0.75, 0.10, 0.15));
            case PACIFIC -> PACIFIC_NIGHT.get(Draws.weighted(random, 0.55, 0.35, 0.10));
        };
    }

    /** The Christmas Day slots, noon to 10:30 pm; games beyond five share the last slot. */
    static LocalTime christmas(int slot)
    {
        return CHRISTMAS.get(Math.min(slot, CHRISTMAS.size() - 1));
    }

    /** Staggered slots for the {@code games} postseason games of one day, earliest first. */
    static List<LocalTime> postseason(LocalDate date, int games)
    {
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        List<LocalTime> slots = switch (games) {
            case 1 -> times("20:30");
            case 2 -> weekend ? times("15:30", "20:30") : times("19:30", "22:00");
            case 3 -> weekend ? times("13:00", "15:30", "20:30") : times("19:00", "19:30", "22:00");
            case 4 -> weekend ? times("13:00", "15:30", "18:00", "20:30") : times("18:00", "19:30", "20:30", "22:00");
            default -> throw new IllegalArgumentException(games + " postseason games on " + date);
        };
        return slots;
    }

    private static List<LocalTime> times(String... values)
    {
        return Arrays.stream(values).map(LocalTime::parse).toList();
    }
}
