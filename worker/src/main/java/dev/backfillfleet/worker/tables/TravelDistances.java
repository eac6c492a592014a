package dev.backfillfleet.worker.tables;

import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.Warehouse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code nba_static.travel_distances}: miles and time zones between two teams' arenas, either
 * direction. The real table has no row from a team to itself: the same arena is 0 miles here.
 */
public final class TravelDistances
{
    static final List<String> COLUMNS = List.of("from_team", "to_team", "distance_miles", "time_zones_crossed");

    private final Map<String, Trip> trips;

    private TravelDistances(Map<String, Trip> trips)
    {
        this.trips = trips;
    }

    public static TravelDistances load(Warehouse warehouse)
    {
        Map<String, Trip> trips = new HashMap<>();
        for (Row row : warehouse.readAll(RawTables.TRAVEL_DISTANCES, COLUMNS)) {
            trips.put(key(row.getString("from_team"), row.getString("to_team")),
                    new Trip(row.getLongOrZero("distance_miles"), row.getLongOrZero("time_zones_crossed")));
        }
        return new TravelDistances(trips);
    }

    /** From one arena (its home team) to another: zero for the same arena, empty when the pair is unknown. */
    public Optional<Trip> between(String fromArena, String toArena)
    {
        if (fromArena.equals(toArena)) {
            return Optional.of(Trip.NONE);
        }
        return Optional.ofNullable(trips.get(key(fromArena, toArena))).or(() -> Optional.ofNullable(trips.get(key(toArena, fromArena))));
    }

    private static String key(String from, String to)
    {
        return from + "|" + to;
    }

    public record Trip(long miles, long timeZonesCrossed)
    {
        public static final Trip NONE = new Trip(0, 0);
    }
}
