package dev.backfillfleet.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds 15-man rosters per season. The first season is drawn fresh; each later season keeps most
 * players (quality drifts), retires some, swaps some between teams and fills the gaps with
 * rookies, so a player keeps his lookup across seasons. Each roster is in rotation order
 * (best first).
 */
final class RosterGenerator
{
    static final int ROSTER_SIZE = 15;

    /** Quality bands by rotation rank for a freshly drawn roster: a star, starters, rotation, bench. */
    private static final double[][] QUALITY_BANDS = {
            {0.78, 0.98}, {0.60, 0.90}, {0.50, 0.72}, {0.50, 0.70}, {0.48, 0.68},
            {0.36, 0.56}, {0.34, 0.54}, {0.32, 0.50}, {0.30, 0.48},
            {0.20, 0.40}, {0.18, 0.38}, {0.15, 0.35},
            {0.05, 0.25}, {0.05, 0.22}, {0.04, 0.20}};

    private static final int TRADES_PER_OFFSEASON = 30;

    private final long seed;
    private final PlayerNames names = new PlayerNames();

    RosterGenerator(long seed)
    {
        this.seed = seed;
    }

    /** Rosters for consecutive seasons, in order; team code to players in rotation order. */
    List<Map<String, List<DemoPlayer>>> generate(List<Integer> seasonYears)
    {
        List<Map<String, List<DemoPlayer>>> seasons = new ArrayList<>();
        Map<String, List<DemoPlayer>> previous = null;
        for (int seasonYear : seasonYears) {
            previous = previous == null ? firstSeason(seasonYear) : nextSeason(seasonYear, previous);
            seasons.add(previous);
        }
        return seasons;
    }

    private Map<String, List<DemoPlayer>> firstSeason(int seasonYear)
    {
        Map<String, List<DemoPlayer>> rosters = new LinkedHashMap<>();
        for (DemoTeam team : DemoTeam.all()) {
            SplittableRandom random = Seeds.random(seed, Purpose.ROSTER, seasonYear, team.code().hashCode());
            List<Position> starters = new ArrayList<>(List.of(Position.GUARD, Position.GUARD, Position.FORWARD, Position.FORWARD, Position.CENTER));
            Draws.shuffle(random, starters);
            List<DemoPlayer> players = new ArrayList<>();
            for (int rank = 0; rank < ROSTER_SIZE; rank++) {
                Position position = rank < 5 ? starters.get(rank) : randomPosition(random);
                players.add(newPlayer(random, position, Draws.uniform(random, QUALITY_BANDS[rank][0], QUALITY_BANDS[rank][1])));
            }
            rosters.put(team.code(), rotationOrder(players));
        }
        return Collections.unmodifiableMap(rosters);
    }

    private Map<String, List<DemoPlayer>> nextSeason(int seasonYear, Map<String, List<DemoPlayer>> previous)
    {
        SplittableRandom random = Seeds.random(seed, Purpose.ROSTER, seasonYear);
        List<String> teams = DemoTeam.all().stream().map(DemoTeam::code).toList();
        List<List<DemoPlayer>> slots = new ArrayList<>();
        for (String team : teams) {
            List<DemoPlayer> kept = new ArrayList<>();
            List<DemoPlayer> players = previous.get(team);
            for (int rank = 0; rank < players.size(); rank++) {
                double retire = rank >= 12 ? 0.35 : rank >= 9 ? 0.20 : 0.07;
                DemoPlayer player = players.get(rank);
                boolean young = player.quality() < 0.5;
                kept.add(Draws.chance(random, retire) ? null : player.withQuality(player.quality() + 0.05 * random.nextGaussian() + (young ? 0.02 : -0.01)));
            }
            slots.add(kept);
        }
        for (int trade = 0; trade < TRADES_PER_OFFSEASON; trade++) {
            int first = random.nextInt(teams.size());
            int second = (first + 1 + random.nextInt(teams.size() - 1)) % teams.size();
            int rank = random.nextInt(ROSTER_SIZE);
            DemoPlayer moving = slots.get(first).get(rank);
            slots.get(first).set(rank, slots.get(second).get(rank));
            slots.get(second).set(rank, moving);
        }
        Map<String, List<DemoPlayer>> rosters = new LinkedHashMap<>();
        for (int index = 0; index < teams.size(); index++) {
            List<DemoPlayer> players = new ArrayList<>();
            for (DemoPlayer player : slots.get(index)) {
                players.add(player != null ? player : newPlayer(random, randomPosition(random), rookieQuality(random)));
            }
            rosters.put(teams.get(index), rotationOrder(players));
        }
        return Collections.unmodifiableMap(rosters);
    }

    private DemoPlayer newPlayer(SplittableRandom random, Position position, double quality)
    {
        double touch = Math.max(-1, Math.min(1, 0.45 * random.nextGaussian()));
        return DemoPlayer.of(names.next(random), position, quality, touch, random.nextDouble());
    }

    private static double rookieQuality(SplittableRandom random)
    {
        return switch (Draws.weighted(random, 0.86, 0.11, 0.03)) {
            case 0 -> Draws.uniform(random, 0.05, 0.40);
            case 1 -> Draws.uniform(random, 0.40, 0.70);
            default -> Draws.uniform(random, 0.75, 0.92);
        };
    }

    private static Position randomPosition(SplittableRandom random)
    {
        return Position.values()[Draws.weighted(random, 0.4, 0.4, 0.2)];
    }

    private static List<DemoPlayer> rotationOrder(List<DemoPlayer> players)
    {
        return players.stream()
                .sorted(Comparator.comparingDouble(DemoPlayer::quality).reversed().thenComparing(DemoPlayer::lookup))
                .toList();
    }
}
