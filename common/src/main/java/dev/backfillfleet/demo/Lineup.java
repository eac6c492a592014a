package dev.backfillfleet.demo;

import java.util.List;
import java.util.Map;

/**
 * Who is available for one team in one game: active players in rotation order (the first five
 * start), players who dress but do not play, inactive players, and injury-report listings by
 * player lookup.
 */
record Lineup(List<DemoPlayer> active, List<DemoPlayer> dnp, List<DemoPlayer> inactive, Map<String, InjuryListing> listings)
{
    static final int STARTERS = 5;

    Lineup
    {
        active = List.copyOf(active);
        dnp = List.copyOf(dnp);
        inactive = List.copyOf(inactive);
        listings = Map.copyOf(listings);
        if (active.size() < STARTERS) {
            throw new IllegalArgumentException("fewer than five active players");
        }
    }
}
