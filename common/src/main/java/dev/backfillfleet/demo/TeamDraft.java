package dev.backfillfleet.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One team's side of a game while it is generated: minutes that add up to the team's
 * player-seconds, counting stats drawn from each player's rates, small score adjustments that
 * keep the lines consistent, and plus-minus that sums to five times the margin.
 */
final class TeamDraft
{
    /** Minutes weights by position in the rotation (the first five start). */
    private static final double[] MINUTES_WEIGHTS = {34.5, 33.5, 32, 31, 29, 24, 21.5, 18.5, 15, 11, 7};
    private static final double SECONDS_PER_36 = 36 * 60;
    /** Scales shot volume so that an average team scores about {@link TeamStrength#LEAGUE_POINTS}. */
    private static final double VOLUME_CALIBRATION = 1.12;
    /** Shot volume varies less than Poisson: misses bring rebounds and more shots. */
    private static final double SHOT_VOLUME_SPREAD = 0.5;

    private final Lineup lineup;
    private final int teamSeconds;
    private final int[] seconds;
    private final StatLine[] stats;
    private double expectedPoints;

    TeamDraft(Lineup lineup, int teamSeconds, SplittableRandom random)
    {
        this.lineup = lineup;
        this.teamSeconds = teamSeconds;
        this.seconds = allocateSeconds(lineup.active().size(), teamSeconds, random);
        this.stats = new StatLine[lineup.active().size()];
    }

    private static int[] allocateSeconds(int players, int teamSeconds, SplittableRandom random)
    {
        double[] weights = new double[players];
        double total = 0;
        for (int index = 0; index < players; index++) {
            weights[index] = MINUTES_WEIGHTS[index] * Draws.uniform(random, 0.85, 1.15);
            total += weights[index];
        }
        int[] seconds = new int[players];
        double cumulative = 0;
        long assigned = 0;
        for (int index = 0; index < players; index++) {
            cumulative += weights[index] * teamSeconds / total;
            long upTo = index == players - 1 ? teamSeconds : Math.round(cumulative);
            seconds[index] = (int) (upTo - assigned);
            assigned = upTo;
        }
        return seconds;
    }

    /**
     * What a game's scoring depends on at team level, known before tip-off: shot volume from both
     * teams' pace, and shooting efficiency from their strengths and home court.
     */
    record Scoring(double volume, double efficiency, double expectedPoints)
    {
        static Scoring of(TeamStrength own, TeamStrength opponent, boolean home)
        {
            double paced = TeamStrength.LEAGUE_POINTS + own.pace() + opponent.pace();
            double expectedPoints = own.expectedPoints(opponent, home);
            return new Scoring(VOLUME_CALIBRATION * paced / TeamStrength.LEAGUE_POINTS, expectedPoints / paced, expectedPoints);
        }
    }

    /**
     * The seconds the player in rotation slot {@code slot} of {@code activePlayers} is expected to play
     * before the game: his slot's share of regulation time (the draw adds noise, overtime more).
     */
    static double expectedSeconds(int activePlayers, int slot)
    {
        double total = 0;
        for (int index = 0; index < activePlayers; index++) {
            total += MINUTES_WEIGHTS[index];
        }
        return MINUTES_WEIGHTS[slot] / total * GameClock.REGULATION_TEAM_SECONDS;
    }

    /** The mean of the points {@link #drawPlayer} draws for a player on the floor {@code seconds}. */
    static double expectedPoints(DemoPlayer player, double seconds, Scoring scoring)
    {
        double attempts = player.fieldGoalAttemptsPer36() * seconds / SECONDS_PER_36 * scoring.volume();
        double threeRate = player.threePointRate();
        double perShot = (1 - threeRate) * 2 * Math.min(0.8, player.twoPointPct() * scoring.efficiency())
                + threeRate * 3 * Math.min(0.6, player.threePointPct() * scoring.efficiency());
        return attempts * (perShot + player.freeThrowRate() * player.freeThrowPct());
    }

    void drawStats(SplittableRandom random, TeamStrength own, TeamStrength opponent, boolean home)
    {
        Scoring scoring = Scoring.of(own, opponent, home);
        expectedPoints = scoring.expectedPoints();
        for (int index = 0; index < stats.length; index++) {
            stats[index] = drawPlayer(random, lineup.active().get(index), seconds[index] / SECONDS_PER_36, scoring);
        }
    }

    private static StatLine drawPlayer(SplittableRandom random, DemoPlayer player, double per36, Scoring scoring)
    {
        double volume = scoring.volume();
        int fgAttempted = Draws.count(random, player.fieldGoalAttemptsPer36() * per36 * volume, SHOT_VOLUME_SPREAD);
        int threeAttempted = Draws.binomial(random, fgAttempted, player.threePointRate());
        int threeMade = Draws.binomial(random, threeAttempted, Math.min(0.6, player.threePointPct() * scoring.efficiency()));
        int twoMade = Draws.binomial(random, fgAttempted - threeAttempted, Math.min(0.8, player.twoPointPct() * scoring.efficiency()));
        int ftAttempted = Draws.poisson(random, player.freeThrowRate() * player.fieldGoalAttemptsPer36() * per36 * volume);
        int ftMade = Draws.binomial(random, ftAttempted, player.freeThrowPct());
        return new StatLine(
                twoMade + threeMade,
                fgAttempted,
                threeMade,
                threeAttempted,
                ftMade,
                ftAttempted,
                Draws.poisson(random, player.offensiveReboundsPer36() * per36),
                Draws.poisson(random, player.defensiveReboundsPer36() * per36),
                Draws.poisson(random, player.assistsPer36() * per36),
                Draws.poisson(random, player.turnoversPer36() * per36),
                Draws.poisson(random, player.stealsPer36() * per36),
                Draws.poisson(random, player.blocksPer36() * per36),
                Math.min(6, Draws.poisson(random, player.personalFoulsPer36() * per36)));
    }

    /** The points this team was expected to score, known once stats are drawn. */
    double expectedPoints()
    {
        return expectedPoints;
    }

    StatLine totals()
    {
        StatLine totals = StatLine.ZERO;
        for (StatLine line : stats) {
            totals = totals.plus(line);
        }
        return totals;
    }

    boolean missATwo(SplittableRandom random)
    {
        return change(random, line -> line.twoPtMade() > 0, StatLine::withTwoMissed);
    }

    boolean makeATwo(SplittableRandom random)
    {
        return change(random, line -> line.twoPtAttempted() > line.twoPtMade(), StatLine::withTwoMade);
    }

    boolean makeAFreeThrow(SplittableRandom random)
    {
        return change(random, line -> true, StatLine::withFreeThrowMade);
    }

    private boolean change(SplittableRandom random, Predicate<StatLine> eligible, UnaryOperator<StatLine> change)
    {
        int start = random.nextInt(stats.length);
        for (int offset = 0; offset < stats.length; offset++) {
            int index = (start + offset) % stats.length;
            if (eligible.test(stats[index])) {
                stats[index] = change.apply(stats[index]);
                return true;
            }
        }
        return false;
    }

    /** A team cannot block more shots than the opponent missed. */
    void boundBlocks(StatLine opponent)
    {
        int excess = totals().blocks() - (opponent.fgAttempted() - opponent.fgMade());
        for (int index = 0; excess > 0 && index < stats.length; index++) {
            int removed = Math.min(excess, stats[index].blocks());
            stats[index] = stats[index].withBlocks(stats[index].blocks() - removed);
            excess -= removed;
        }
    }

    TeamGame build(String team, boolean home, int margin, SplittableRandom random)
    {
        int[] plusMinus = plusMinus(random, margin);
        List<PlayerGame> players = new ArrayList<>();
        for (int index = 0; index < stats.length; index++) {
            DemoPlayer player = lineup.active().get(index);
            players.add(new PlayerGame(player, PlayerStatus.ACTIVE, index < Lineup.STARTERS, seconds[index], stats[index], plusMinus[index], listing(player)));
        }
        for (DemoPlayer player : lineup.dnp()) {
            players.add(new PlayerGame(player, PlayerStatus.DNP, false, 0, null, null, listing(player)));
        }
        for (DemoPlayer player : lineup.inactive()) {
            players.add(new PlayerGame(player, PlayerStatus.INACTIVE, false, 0, null, null, listing(player)));
        }
        return TeamGame.of(team, home, players, margin);
    }

    private Optional<InjuryListing> listing(DemoPlayer player)
    {
        return Optional.ofNullable(lineup.listings().get(player.lookup()));
    }

    /**
     * Each player's share of the margin by time on court, plus noise that cancels out over the
     * team, rounded so the team's players sum to exactly five times the margin.
     */
    private int[] plusMinus(SplittableRandom random, int margin)
    {
        double gameSeconds = teamSeconds / 5.0;
        double[] noise = new double[seconds.length];
        double noiseTotal = 0;
        for (int index = 0; index < seconds.length; index++) {
            noise[index] = 6 * Math.sqrt(seconds[index] / gameSeconds) * random.nextGaussian();
            noiseTotal += noise[index];
        }
        int[] values = new int[seconds.length];
        int sum = 0;
        for (int index = 0; index < seconds.length; index++) {
            double share = seconds[index] / (double) teamSeconds;
            values[index] = (int) Math.round(margin * seconds[index] / gameSeconds + noise[index] - noiseTotal * share);
            sum += values[index];
        }
        int residual = 5 * margin - sum;
        for (int index = 0; residual != 0; index = (index + 1) % values.length) {
            values[index] += Integer.signum(residual);
            residual -= Integer.signum(residual);
        }
        return values;
    }
}
