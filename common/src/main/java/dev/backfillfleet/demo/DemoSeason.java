package dev.backfillfleet.demo;

import dev.backfillfleet.domain.DateRange;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One generated season: calendar, rosters (team code to players in rotation order), team
 * strengths, injury spells, and every final game (regular season, play-in, playoffs) in
 * tip-off order.
 */
public record DemoSeason(
        SeasonCalendar calendar,
        Map<String, List<DemoPlayer>> rosters,
        Map<String, TeamStrength> strengths,
        List<InjurySpell> injurySpells,
        List<GameResult> results)
{
    public DemoSeason
    {
        requireNonNull(calendar, "calendar is null");
        rosters = Map.copyOf(rosters);
        strengths = Map.copyOf(strengths);
        injurySpells = List.copyOf(injurySpells);
        results = List.copyOf(results);
    }

    public int seasonYear()
    {
        return calendar.seasonYear();
    }

    public List<DemoGame> schedule()
    {
        return results.stream().map(GameResult::game).toList();
    }

    public List<DemoPlayer> roster(String team)
    {
        List<DemoPlayer> roster = rosters.get(team);
        if (roster == null) {
            throw new IllegalArgumentException("unknown team " + team);
        }
        return roster;
    }

    /** The same season with only the games played on {@code dates}. */
    public DemoSeason restrictedTo(DateRange dates)
    {
        return new DemoSeason(calendar, rosters, strengths, injurySpells, results.stream()
                .filter(result -> dates.contains(result.game().gameDate()))
                .toList());
    }

    public LocalDate firstGameDate()
    {
        return results.get(0).game().gameDate();
    }

    public LocalDate lastGameDate()
    {
        return results.get(results.size() - 1).game().gameDate();
    }
}
