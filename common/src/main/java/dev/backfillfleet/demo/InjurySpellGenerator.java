package dev.backfillfleet.demo;

import dev.backfillfleet.domain.DateRange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Injury spells for a season: most are a few days, some weeks, a few months; stars also get
 * single-game rest days. Players at the end of the bench are handled as G League inactives by
 * the box score generator and get no spells.
 */
final class InjurySpellGenerator
{
    static final String REST_REASON = "Injury/Illness - Left Knee; Injury Management";

    private static final List<String> SIDES = List.of("Left", "Right");
    private static final List<String> BODY_PARTS = List.of("Ankle", "Knee", "Hamstring", "Calf", "Foot", "Groin", "Hip", "Wrist", "Shoulder", "Thumb");
    private static final List<String> INJURY_TYPES = List.of("Sprain", "Strain", "Soreness", "Contusion", "Tendinopathy", "Inflammation");
    private static final List<String> OTHER_REASONS = List.of(
            "Injury/Illness - Illness", "Injury/Illness - Non-COVID Illness", "Injury/Illness - Lower Back; Spasms",
            "Injury/Illness - Concussion Protocol", "Personal Reasons");
    private static final int LAST_RANK_WITH_SPELLS = 11;

    private InjurySpellGenerator() {}

    static List<InjurySpell> generate(long seed, SeasonCalendar calendar, Map<String, List<DemoPlayer>> rosters)
    {
        List<InjurySpell> spells = new ArrayList<>();
        long seasonDays = calendar.regularSeasonRange().size() + 60L;
        for (DemoTeam team : DemoTeam.all()) {
            SplittableRandom random = Seeds.random(seed, Purpose.INJURY_SPELLS, calendar.seasonYear(), team.code().hashCode());
            List<DemoPlayer> roster = rosters.get(team.code());
            for (int rank = 0; rank <= LAST_RANK_WITH_SPELLS; rank++) {
                DemoPlayer player = roster.get(rank);
                int injuries = Draws.poisson(random, 0.9);
                for (int injury = 0; injury < injuries; injury++) {
                    int length = switch (Draws.weighted(random, 0.70, 0.25, 0.05)) {
                        case 0 -> 1 + random.nextInt(7);
                        case 1 -> 8 + random.nextInt(14);
                        default -> 22 + random.nextInt(54);
                    };
                    spells.add(spell(team, player, calendar, random.nextLong(seasonDays), length, injuryReason(random)));
                }
                int rests = player.quality() >= 0.8 ? Draws.poisson(random, 1.2) : 0;
                for (int rest = 0; rest < rests; rest++) {
                    spells.add(spell(team, player, calendar, random.nextLong(seasonDays), 1, REST_REASON));
                }
            }
        }
        return List.copyOf(spells);
    }

    private static InjurySpell spell(DemoTeam team, DemoPlayer player, SeasonCalendar calendar, long startOffset, int length, String reason)
    {
        LocalDate first = calendar.regularSeasonStart().plusDays(startOffset);
        return new InjurySpell(team.code(), player.lookup(), DateRange.of(first, first.plusDays(length - 1)), reason);
    }

    static String injuryReason(SplittableRandom random)
    {
        if (Draws.chance(random, 0.15)) {
            return Draws.pick(random, OTHER_REASONS);
        }
        return "Injury/Illness - " + Draws.pick(random, SIDES) + " " + Draws.pick(random, BODY_PARTS) + "; " + Draws.pick(random, INJURY_TYPES);
    }
}
