package dev.backfillfleet.worker.tables;

/**
 * The stored value of a derived column, as analytics-tables.md defines it: the exact value
 * rounded half-up once, at the column's decimals; a ratio with a zero denominator is NULL.
 * Rounding happens only here, when a column is stored: anything derived from a rounded column
 * (ratings and pace from possessions, a movement from two medians) uses the exact value.
 */
public final class Rounding
{
    private Rounding() {}

    public static double column(Fraction value, int decimals)
    {
        return value.roundHalfUp(decimals).doubleValue();
    }

    /** {@link #column}, or null for a missing value. */
    public static Double columnOrNull(Fraction value, int decimals)
    {
        return value == null ? null : column(value, decimals);
    }

    /** numerator / denominator rounded half-up, or null when the denominator is zero. */
    public static Double ratio(Fraction numerator, Fraction denominator, int decimals)
    {
        if (denominator.isZero()) {
            return null;
        }
        return column(numerator.dividedBy(denominator), decimals);
    }
}
