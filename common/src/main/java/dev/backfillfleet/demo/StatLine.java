package dev.backfillfleet.demo;

/**
 * Counting stats of a player or a team in one game. Consistent by construction: makes never
 * exceed attempts, threes are field goals, and points and total rebounds are derived.
 */
public record StatLine(
        int fgMade,
        int fgAttempted,
        int threePtMade,
        int threePtAttempted,
        int ftMade,
        int ftAttempted,
        int offensiveRebounds,
        int defensiveRebounds,
        int assists,
        int turnovers,
        int steals,
        int blocks,
        int personalFouls)
{
    public static final StatLine ZERO = new StatLine(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public StatLine
    {
        if (Math.min(Math.min(Math.min(fgMade, threePtMade), Math.min(ftMade, offensiveRebounds)),
                Math.min(Math.min(defensiveRebounds, assists), Math.min(Math.min(turnovers, steals), Math.min(blocks, personalFouls)))) < 0) {
            throw new IllegalArgumentException("negative count in " + this);
        }
        if (fgMade > fgAttempted || threePtMade > threePtAttempted || threePtMade > fgMade
                || threePtAttempted > fgAttempted || ftMade > ftAttempted
                || fgAttempted - threePtAttempted < fgMade - threePtMade) {
            throw new IllegalArgumentException("makes exceed attempts in " + this);
        }
    }

    /** 2 x FGM + 3PM + FTM. */
    public int points()
    {
        return 2 * fgMade + threePtMade + ftMade;
    }

    public int totalRebounds()
    {
        return offensiveRebounds + defensiveRebounds;
    }

    public int twoPtMade()
    {
        return fgMade - threePtMade;
    }

    public int twoPtAttempted()
    {
        return fgAttempted - threePtAttempted;
    }

    public StatLine plus(StatLine other)
    {
        return new StatLine(
                fgMade + other.fgMade,
                fgAttempted + other.fgAttempted,
                threePtMade + other.threePtMade,
                threePtAttempted + other.threePtAttempted,
                ftMade + other.ftMade,
                ftAttempted + other.ftAttempted,
                offensiveRebounds + other.offensiveRebounds,
                defensiveRebounds + other.defensiveRebounds,
                assists + other.assists,
                turnovers + other.turnovers,
                steals + other.steals,
                blocks + other.blocks,
                personalFouls + other.personalFouls);
    }

    /** One more made (and attempted) free throw. */
    public StatLine withFreeThrowMade()
    {
        return new StatLine(fgMade, fgAttempted, threePtMade, threePtAttempted, ftMade + 1, ftAttempted + 1,
                offensiveRebounds, defensiveRebounds, assists, turnovers, steals, blocks, personalFouls);
    }

    /** A made two turned into a miss (two points fewer). */
    public StatLine withTwoMissed()
    {
        return new StatLine(fgMade - 1, fgAttempted, threePtMade, threePtAttempted, ftMade, ftAttempted,
                offensiveRebounds, defensiveRebounds, assists, turnovers, steals, blocks, personalFouls);
    }

    /** A missed two turned into a make (two points more). */
    public StatLine withTwoMade()
    {
        return new StatLine(fgMade + 1, fgAttempted, threePtMade, threePtAttempted, ftMade, ftAttempted,
                offensiveRebounds, defensiveRebounds, assists, turnovers, steals, blocks, personalFouls);
    }

    /**
     * Roughly the first half's line, as a load during the game would find it: every count halved,
     * makes never above attempts, two- and three-point shots halved apart.
     */
    public StatLine half()
    {
        int threesAttempted = threePtAttempted / 2;
        int twosAttempted = twoPtAttempted() / 2;
        int threesMade = Math.min(threePtMade / 2, threesAttempted);
        int twosMade = Math.min(twoPtMade() / 2, twosAttempted);
        int freeThrowsAttempted = ftAttempted / 2;
        return new StatLine(threesMade + twosMade, threesAttempted + twosAttempted, threesMade, threesAttempted,
                Math.min(ftMade / 2, freeThrowsAttempted), freeThrowsAttempted, offensiveRebounds / 2, defensiveRebounds / 2,
                assists / 2, turnovers / 2, steals / 2, blocks / 2, personalFouls / 2);
    }

    public StatLine withBlocks(int newBlocks)
    {
        return new StatLine(fgMade, fgAttempted, threePtMade, threePtAttempted, ftMade, ftAttempted,
                offensiveRebounds, defensiveRebounds, assists, turnovers, steals, newBlocks, personalFouls);
    }
}
