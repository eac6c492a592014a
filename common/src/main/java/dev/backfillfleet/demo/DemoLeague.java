package dev.backfillfleet.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deterministic synthetic NBA: seasons 2021-22 to 2025-26 with the real calendars (start,
 * end, All-Star break, holidays), 30 teams, 15-man rosters, a regular season of 82 games per
 * team, the play-in and the playoffs, and a box score for every game. The same seed always
 * gives the same league; every random draw is seeded by (seed, purpose, season or game), so no
 * result depends on generation order. The raw warehouse rows are derived by {@link DemoRawTables}.
 */
public final class DemoLeague
{
    public static final long DEFAULT_SEED = 20211019L;

    private final long seed;
    private final List<DemoSeason> seasons;

    private DemoLeague(long seed, List<DemoSeason> seasons)
    {
        this.seed = seed;
        this.seasons = List.copyOf(seasons);
    }

    public static DemoLeague generate()
    {
        return generate(DEFAULT_SEED);
    }

    /**
     * Rosters and team strengths carry over from season to season and are drawn in order; the
     * seasons' games are then generated in parallel (each season's draws are seeded on their own).
     */
    public static DemoLeague generate(long seed)
    {
        List<SeasonCalendar> calendars = SeasonCalendar.demoSeasons();
        List<Map<String, List<DemoPlayer>>> rosters = new RosterGenerator(seed)
                .generate(calendars.stream().map(SeasonCalendar::seasonYear).toList());
        List<SeasonSetup> setups = new ArrayList<>();
        Map<String, TeamStrength> strengths = new HashMap<>();
        for (int index = 0; index < calendars.size(); index++) {
            SeasonCalendar calendar = calendars.get(index);
            strengths = TeamStrength.nextSeason(seed, calendar.seasonYear(), strengths);
            List<InjurySpell> spells = InjurySpellGenerator.generate(seed, calendar, rosters.get(index));
            setups.add(SeasonSetup.of(calendar, rosters.get(index), strengths, spells));
        }
        List<DemoSeason> seasons = setups.parallelStream()
                .map(setup -> SeasonGenerator.generate(seed, setup))
                .toList();
        return new DemoLeague(seed, seasons);
    }

    public long seed()
    {
        return seed;
    }

    public List<DemoSeason> seasons()
    {
        return seasons;
    }

    public DemoSeason season(int seasonYear)
    {
        return findSeason(seasonYear).orElseThrow(() -> new IllegalArgumentException("no demo season " + seasonYear));
    }

    public List<DemoTeam> teams()
    {
        return DemoTeam.all();
    }

    /** Every game of every season, in tip-off order. */
    public List<DemoGame> schedule()
    {
        return seasons.stream().flatMap(season -> season.schedule().stream()).toList();
    }

    /** Every final game of every season, in tip-off order. */
    public List<GameResult> results()
    {
        return seasons.stream().flatMap(season -> season.results().stream()).toList();
    }

    private Optional<DemoSeason> findSeason(int seasonYear)
    {
        return seasons.stream().filter(season -> season.seasonYear() == seasonYear).findFirst();
    }
}
