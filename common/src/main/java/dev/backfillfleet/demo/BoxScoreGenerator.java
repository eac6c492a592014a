package dev.backfillfleet.demo;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Plays one game: lineups, minutes that add up to the team's player-seconds, counting stats drawn
 * from each player's rates scaled by the two teams' strengths, no ties (a tied game gets a free
 * throw; overtime games are kept close), blocks bounded by the opponent's misses, and plus-minus
 * that sums to five times the margin. Seeded by the game id, so any game can be replayed alone.
 */
final class BoxScoreGenerator
{
    /** Pulls each score a little towards its expectation: box-score draws alone vary more than real scores. */
    private static final double SCORE_SHRINK = 0.8;
    /** Outliers are pulled back to a random score in these bands (no pile-up at one value). */
    private static final int[] LOWEST_POINTS = {84, 94};
    private static final int[] HIGHEST_POINTS = {138, 148};

    private final long seed;
    private final SeasonSetup setup;

    BoxScoreGenerator(long seed, SeasonSetup setup)
    {
        this.seed = seed;
        this.setup = setup;
    }

    GameResult play(DemoGame game)
    {
        long gameKey = Long.parseLong(game.nbaGameId());
        SplittableRandom random = Seeds.random(seed, Purpose.BOX_SCORE, gameKey);
        int overtimePeriods = Draws.chance(random, 0.06) ? 1 + Draws.weighted(random, 0.85, 0.12, 0.03) : 0;
        int teamSeconds = GameClock.teamSeconds(overtimePeriods);
        TeamStrength homeStrength = setup.strengths().get(game.homeTeam());
        TeamStrength awayStrength = setup.strengths().get(game.awayTeam());
        TeamDraft home = new TeamDraft(pick(game.homeTeam(), game, random), teamSeconds, random);
        TeamDraft away = new TeamDraft(pick(game.awayTeam(), game, random), teamSeconds, random);
        home.drawStats(random, homeStrength, awayStrength, true);
        away.drawStats(random, awayStrength, homeStrength, false);
        settle(random, home, away, overtimePeriods);
        home.boundBlocks(away.totals());
        away.boundBlocks(home.totals());
        int margin = home.totals().points() - away.totals().points();
        return new GameResult(
                game,
                home.build(game.homeTeam(), true, margin, random),
                away.build(game.awayTeam(), false, -margin, random),
                overtimePeriods,
                quirks(game, gameKey));
    }

    private Lineup pick(String team, DemoGame game, SplittableRandom random)
    {
        return LineupPicker.pick(setup.rosters().get(team), setup.spellsOf(team), game.gameDate(), random);
    }

    /** Keeps scores in a realistic band, overtime games close, and breaks ties. */
    private static void settle(SplittableRandom random, TeamDraft home, TeamDraft away, int overtimePeriods)
    {
        for (TeamDraft side : List.of(home, away)) {
            int target = (int) Math.round(side.expectedPoints() + SCORE_SHRINK * (side.totals().points() - side.expectedPoints()));
            while (side.totals().points() > target + 1 && side.missATwo(random)) {
                // one made two fewer per round
            }
            while (side.totals().points() < target - 1 && side.makeATwo(random)) {
                // one missed two made per round
            }
            int highest = HIGHEST_POINTS[0] + random.nextInt(HIGHEST_POINTS[1] - HIGHEST_POINTS[0] + 1);
            while (side.totals().points() > highest && side.missATwo(random)) {
                // one made two fewer per round
            }
            int lowest = LOWEST_POINTS[0] + random.nextInt(LOWEST_POINTS[1] - LOWEST_POINTS[0] + 1);
            while (side.totals().points() < lowest && (side.makeATwo(random) || side.makeAFreeThrow(random))) {
                // one missed two made (or one more free throw) per round
            }
        }
        if (overtimePeriods > 0) {
            int closest = 1 + random.nextInt(10);
            while (Math.abs(home.totals().points() - away.totals().points()) > closest) {
                TeamDraft leader = home.totals().points() > away.totals().points() ? home : away;
                if (!leader.missATwo(random)) {
                    break;
                }
            }
        }
        if (home.totals().points() == away.totals().points()) {
            (random.nextBoolean() ? home : away).makeAFreeThrow(random);
        }
    }

    private GameQuirks quirks(DemoGame game, long gameKey)
    {
        SplittableRandom random = Seeds.random(seed, Purpose.QUIRKS, gameKey);
        double gap = random.nextDouble();
        String team = random.nextBoolean() ? game.homeTeam() : game.awayTeam();
        boolean hasPlayByPlay = random.nextDouble() >= 0.06;
        boolean hasGameLines = random.nextDouble() >= 0.02;
        return new GameQuirks(
                gap < 0.005 ? Optional.of(team) : Optional.empty(),
                gap >= 0.005 && gap < 0.010 ? Optional.of(team) : Optional.empty(),
                hasPlayByPlay,
                hasGameLines);
    }
}
