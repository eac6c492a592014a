package dev.backfillfleet.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static dev.backfillfleet.demo.InjuryListing.AVAILABLE;
import static dev.backfillfleet.demo.InjuryListing.DOUBTFUL;
import static dev.backfillfleet.demo.InjuryListing.OUT;
import static dev.backfillfleet.demo.InjuryListing.PROBABLE;
import static dev.backfillfleet.demo.InjuryListing.QUESTIONABLE;

/**
 * Picks a team's lineup for a game: injured players (at most four) are inactive and listed out;
 * of the others, 9-11 play, 1-3 dress without playing, and the rest (the end of the bench) are
 * G League inactives. Some active players are listed too: upgrades (out or doubtful early,
 * available or probable at the last report), players back from an injury, game-time decisions.
 */
final class LineupPicker
{
    private static final int MAX_INJURED = 4;

    private LineupPicker() {}

    static Lineup pick(List<DemoPlayer> roster, List<InjurySpell> teamSpells, LocalDate date, SplittableRandom random)
    {
        Map<String, InjuryListing> listings = new HashMap<>();
        List<DemoPlayer> inactive = new ArrayList<>();
        List<DemoPlayer> healthy = new ArrayList<>();
        for (DemoPlayer player : roster) {
            Optional<InjurySpell> spell = inactive.size() < MAX_INJURED ? spellOn(teamSpells, player, date) : Optional.empty();
            if (spell.isPresent()) {
                inactive.add(player);
                boolean gameTimeDecision = spell.get().dates().first().equals(date) && Draws.chance(random, 0.5);
                String early = gameTimeDecision ? (Draws.chance(random, 0.5) ? QUESTIONABLE : DOUBTFUL) : OUT;
                listings.put(player.lookup(), new InjuryListing(spell.get().reason(), early, OUT));
            }
            else {
                healthy.add(player);
            }
        }
        int activeCount = Math.min(9 + Draws.weighted(random, 0.30, 0.45, 0.25), healthy.size() - 1);
        int dnpCount = Math.min(1 + Draws.weighted(random, 0.45, 0.35, 0.20), healthy.size() - activeCount);
        List<DemoPlayer> active = new ArrayList<>(healthy.subList(0, activeCount));
        if (Draws.chance(random, 0.10)) {
            active.set(Lineup.STARTERS - 1, healthy.get(Lineup.STARTERS));
            active.set(Lineup.STARTERS, healthy.get(Lineup.STARTERS - 1));
        }
        List<DemoPlayer> dnp = healthy.subList(activeCount, activeCount + dnpCount);
        for (DemoPlayer player : healthy.subList(activeCount + dnpCount, healthy.size())) {
            inactive.add(player);
            listings.put(player.lookup(), new InjuryListing(Draws.chance(random, 0.7) ? "G League - Two-Way" : "G League - On Assignment", OUT, OUT));
        }
        listActivePlayers(active, teamSpells, date, random, listings);
        if (Draws.chance(random, 0.10)) {
            DemoPlayer player = Draws.pick(random, dnp);
            listings.putIfAbsent(player.lookup(), new InjuryListing(InjurySpellGenerator.injuryReason(random), QUESTIONABLE, DOUBTFUL));
        }
        return new Lineup(active, dnp, inactive, listings);
    }

    private static void listActivePlayers(List<DemoPlayer> active, List<InjurySpell> teamSpells, LocalDate date, SplittableRandom random, Map<String, InjuryListing> listings)
    {
        for (DemoPlayer player : active) {
            for (InjurySpell spell : teamSpells) {
                if (spell.playerLookup().equals(player.lookup()) && spell.dates().last().equals(date.minusDays(1)) && Draws.chance(random, 0.6)) {
                    listings.put(player.lookup(), new InjuryListing(spell.reason(), OUT, AVAILABLE));
                }
            }
        }
        if (Draws.chance(random, 0.20)) {
            String early = List.of(OUT, DOUBTFUL, DOUBTFUL, QUESTIONABLE).get(random.nextInt(4));
            listings.putIfAbsent(Draws.pick(random, active).lookup(), new InjuryListing(InjurySpellGenerator.injuryReason(random), early, Draws.chance(random, 0.5) ? AVAILABLE : PROBABLE));
        }
        if (Draws.chance(random, 0.15)) {
            listings.putIfAbsent(Draws.pick(random, active).lookup(), new InjuryListing(InjurySpellGenerator.injuryReason(random), QUESTIONABLE, QUESTIONABLE));
        }
        if (Draws.chance(random, 0.25)) {
            listings.putIfAbsent(Draws.pick(random, active).lookup(), new InjuryListing(InjurySpellGenerator.injuryReason(random), PROBABLE, PROBABLE));
        }
    }

    private static Optional<InjurySpell> spellOn(List<InjurySpell> teamSpells, DemoPlayer player, LocalDate date)
    {
        for (InjurySpell spell : teamSpells) {
            if (spell.playerLookup().equals(player.lookup()) && spell.covers(date)) {
                return Optional.of(spell);
            }
        }
        return Optional.empty();
    }
}
