package dev.backfillfleet.worker.tables;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Half-up rounding and NULL-on-zero-denominator ratios, as analytics-tables.md defines them. */
public final class Rounding
{
    private Rounding() {}

    public static double halfUp(double value, int decimals)
    {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** numerator / denominator rounded half-up, or null when the denominator is zero. */
    public static Double ratio(double numerator, double denominator, int decimals)
    {
        if (denominator == 0) {
            return null;
        }
        return halfUp(numerator / denominator, decimals);
    }
}
