package dev.backfillfleet.demo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What is fixed before a season's games are played: calendar, rosters, strengths, injuries. */
record SeasonSetup(SeasonCalendar calendar, Map<String, List<DemoPlayer>> rosters, Map<String, TeamStrength> strengths, Map<String, List<InjurySpell>> spellsByTeam)
{
    SeasonSetup
    {
        rosters = Map.copyOf(rosters);
        strengths = Map.copyOf(strengths);
        spellsByTeam = Map.copyOf(spellsByTeam);
    }

    static SeasonSetup of(SeasonCalendar calendar, Map<String, List<DemoPlayer>> rosters, Map<String, TeamStrength> strengths, List<InjurySpell> spells)
    {
        return new SeasonSetup(calendar, rosters, strengths, spells.stream()
                .collect(Collectors.groupingBy(InjurySpell::team, Collectors.toUnmodifiableList())));
    }

    /** Every spell, team by team in league order. */
    List<InjurySpell> spells()
    {
        return DemoTeam.all().stream().flatMap(team -> spellsOf(team.code()).stream()).toList();
    }

    List<InjurySpell> spellsOf(String team)
    {
        return spellsByTeam.getOrDefault(team, List.of());
    }
}
