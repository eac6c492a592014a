package dev.backfillfleet.demo;

import dev.backfillfleet.warehouse.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code nba_static.travel_distances} as the real table has it: the 870 ordered pairs of distinct
 * teams (no row from a team to itself), great-circle miles between the arenas and the number of
 * time zones crossed.
 */
final class TravelDistanceRows
{
    private TravelDistanceRows() {}

    static List<Row> rows()
    {
        List<Row> rows = new ArrayList<>();
        for (DemoTeam from : DemoTeam.all()) {
            for (DemoTeam to : DemoTeam.all()) {
                if (from.equals(to)) {
                    continue;
                }
                rows.add(Row.builder()
                        .set("from_team", from.code())
                        .set("to_team", to.code())
                        .set("distance_miles", from.code().compareTo(to.code()) <= 0 ? from.milesTo(to) : to.milesTo(from))
                        .set("time_zones_crossed", (long) from.timeZone().zonesCrossed(to.timeZone()))
                        .build());
            }
        }
        return List.copyOf(rows);
    }
}
