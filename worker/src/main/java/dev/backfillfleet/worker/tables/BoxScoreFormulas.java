package dev.backfillfleet.worker.tables;

import java.math.BigDecimal;

/**
 * The formulas of analytics-tables.md that teams and players share, on exact integer inputs,
 * and the decimals each derived column is stored at.
 */
public final class BoxScoreFormulas
{
    public static final int POSSESSIONS_DECIMALS = 1;
    public static final int RATING_DECIMALS = 2;
    public static final int PACE_DECIMALS = 1;
    public static final int PERCENT_DECIMALS = 3;
    public static final int USAGE_DECIMALS = 1;
    public static final int MINUTES_DECIMALS = 1;

    /** The weight of a free-throw attempt in a possession, exactly 0.44 (11/25). */
    private static final Fraction FREE_THROW_WEIGHT = Fraction.parse("0.44");

    private BoxScoreFormulas() {}

    /** FGA + 0.44 x FTA: the possessions a team or player spent shooting. */
    public static Fraction shootingPlays(long fgAttempted, long ftAttempted)
    {
        return Fraction.of(fgAttempted).plus(FREE_THROW_WEIGHT.times(ftAttempted));
    }

    /** FGA + 0.44 x FTA + TOV: the plays usage rate counts. */
    public static Fraction plays(long fgAttempted, long ftAttempted, long turnovers)
    {
        return shootingPlays(fgAttempted, ftAttempted).plus(turnovers);
    }

    /** points / (2 x (FGA + 0.44 x FTA)) at 3 decimals; null without attempts. */
    public static BigDecimal trueShootingPct(long points, long fgAttempted, long ftAttempted)
    {
        return Rounding.ratio(Fraction.of(points), shootingPlays(fgAttempted, ftAttempted).times(2), PERCENT_DECIMALS);
    }

    /** (FGM + 0.5 x 3PM) / FGA at 3 decimals; null without attempts. */
    public static BigDecimal effectiveFgPct(long fgMade, long threePtMade, long fgAttempted)
    {
        return Rounding.ratio(Fraction.of(2 * fgMade + threePtMade, 2), Fraction.of(fgAttempted), PERCENT_DECIMALS);
    }

    /** Seconds on the floor as minutes ("31:30" is 31.5), exactly: 31:20 is 94/3, not 31.333333333333332. */
    public static Fraction minutes(long seconds)
    {
        return Fraction.of(seconds, 60);
    }
}
