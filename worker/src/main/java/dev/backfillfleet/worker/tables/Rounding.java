package dev.backfillfleet.worker.tables;

import java.math.BigDecimal;

/**
 * The stored value of a derived column, as analytics-tables.md defines it: the exact value
 * rounded half-up once, at the column's decimals; a ratio with a zero denominator is NULL.
 * Rounding happens only here, when a column is stored: anything derived from a rounded column
 * (ratings and pace from possessions, a movement from two medians) uses the exact value.
 *
 * <p>The result is an exact decimal: a NUMERIC column stores it as it is (at its scale, which is
 * never below these decimals); a FLOAT64 column stores the double nearest to it.
 */
public final class Rounding
{
    private Rounding() {}

    public static BigDecimal column(Fraction value, int decimals)
    {
        return value.roundHalfUp(decimals);
    }

    /** {@link #column}, or null for a missing value. */
    public static BigDecimal columnOrNull(Fraction value, int decimals)
    {
        return value == null ? null : column(value, decimals);
    }

    /**
     * A line copied from a raw table, where it is a FLOAT64 written as a decimal (22.5, -3.5):
     * that decimal, exactly (the shortest text that reads back as the double, as
     * {@link Fraction#ofDecimal} takes it), or null.
     */
    public static BigDecimal copied(Double line)
    {
        return line == null ? null : BigDecimal.valueOf(line);
    }

    /** numerator / denominator rounded half-up, or null when the denominator is zero. */
    public static BigDecimal ratio(Fraction numerator, Fraction denominator, int decimals)
    {
        if (denominator.isZero()) {
            return null;
        }
        return column(numerator.dividedBy(denominator), decimals);
    }
}
