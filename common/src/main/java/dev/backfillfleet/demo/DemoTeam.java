package dev.backfillfleet.demo;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.backfillfleet.demo.ArenaTimeZone.CENTRAL;
import static dev.backfillfleet.demo.ArenaTimeZone.EASTERN;
import static dev.backfillfleet.demo.ArenaTimeZone.MOUNTAIN;
import static dev.backfillfleet.demo.ArenaTimeZone.PACIFIC;
import static dev.backfillfleet.demo.DemoTeam.Conference.EAST;
import static dev.backfillfleet.demo.DemoTeam.Conference.WEST;
import static java.util.Objects.requireNonNull;

/** One of the 30 teams, with its division and the approximate location of its arena. */
public record DemoTeam(String code, Conference conference, String division, double latitude, double longitude, ArenaTimeZone timeZone)
{
    public enum Conference
    {
        EAST,
        WEST
    }

    private static final double EARTH_RADIUS_MILES = 3958.8;

    /** In division order: Atlantic, Central, Southeast, Northwest, Pacific, Southwest. */
    private static final List<DemoTeam> ALL = List.of(
            new DemoTeam("BOS", EAST, "Atlantic", 42.366, -71.062, EASTERN),
            new DemoTeam("BKN", EAST, "Atlantic", 40.683, -73.976, EASTERN),
            new DemoTeam("NYK", EAST, "Atlantic", 40.751, -73.993, EASTERN),
            new DemoTeam("PHI", EAST, "Atlantic", 39.901, -75.172, EASTERN),
            new DemoTeam("TOR", EAST, "Atlantic", 43.643, -79.379, EASTERN),
            new DemoTeam("CHI", EAST, "Central", 41.881, -87.674, CENTRAL),
            new DemoTeam("CLE", EAST, "Central", 41.496, -81.688, EASTERN),
            new DemoTeam("DET", EAST, "Central", 42.341, -83.055, EASTERN),
            new DemoTeam("IND", EAST, "Central", 39.764, -86.156, EASTERN),
            new DemoTeam("MIL", EAST, "Central", 43.045, -87.917, CENTRAL),
            new DemoTeam("ATL", EAST, "Southeast", 33.757, -84.396, EASTERN),
            new DemoTeam("CHA", EAST, "Southeast", 35.225, -80.839, EASTERN),
            new DemoTeam("MIA", EAST, "Southeast", 25.781, -80.188, EASTERN),
            new DemoTeam("ORL", EAST, "Southeast", 28.539, -81.384, EASTERN),
            new DemoTeam("WAS", EAST, "Southeast", 38.898, -77.021, EASTERN),
            new DemoTeam("DEN", WEST, "Northwest", 39.749, -105.008, MOUNTAIN),
            new DemoTeam("MIN", WEST, "Northwest", 44.980, -93.276, CENTRAL),
            new DemoTeam("OKC", WEST, "Northwest", 35.463, -97.515, CENTRAL),
            new DemoTeam("POR", WEST, "Northwest", 45.532, -122.667, PACIFIC),
            new DemoTeam("UTA", WEST, "Northwest", 40.768, -111.901, MOUNTAIN),
            new DemoTeam("GSW", WEST, "Pacific", 37.768, -122.388, PACIFIC),
            new DemoTeam("LAC", WEST, "Pacific", 33.945, -118.343, PACIFIC),
            new DemoTeam("LAL", WEST, "Pacific", 34.043, -118.267, PACIFIC),
            new DemoTeam("PHX", WEST, "Pacific", 33.446, -112.071, MOUNTAIN),
            new DemoTeam("SAC", WEST, "Pacific", 38.580, -121.500, PACIFIC),
            new DemoTeam("DAL", WEST, "Southwest", 32.790, -96.810, CENTRAL),
            new DemoTeam("HOU", WEST, "Southwest", 29.751, -95.362, CENTRAL),
            new DemoTeam("MEM", WEST, "Southwest", 35.138, -90.051, CENTRAL),
            new DemoTeam("NOP", WEST, "Southwest", 29.949, -90.082, CENTRAL),
            new DemoTeam("SAS", WEST, "Southwest", 29.427, -98.438, CENTRAL));

    private static final Map<String, DemoTeam> BY_CODE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(DemoTeam::code, Function.identity()));

    public DemoTeam
    {
        requireNonNull(code, "code is null");
        requireNonNull(conference, "conference is null");
        requireNonNull(division, "division is null");
        requireNonNull(timeZone, "timeZone is null");
    }

    /** The 30 teams, grouped by division (five per division, three divisions per conference). */
    public static List<DemoTeam> all()
    {
        return ALL;
    }

    public static DemoTeam byCode(String code)
    {
        DemoTeam team = BY_CODE.get(code);
        if (team == null) {
            throw new IllegalArgumentException("unknown team " + code);
        }
        return team;
    }

    /** Great-circle distance between the two arenas, rounded to the mile. */
    public long milesTo(DemoTeam other)
    {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double halfLat = Math.sin((lat2 - lat1) / 2);
        double halfLon = Math.sin(Math.toRadians(other.longitude - longitude) / 2);
        double a = halfLat * halfLat + Math.cos(lat1) * Math.cos(lat2) * halfLon * halfLon;
        return Math.round(2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(a))));
    }
}
