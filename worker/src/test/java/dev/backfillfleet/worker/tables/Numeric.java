package dev.backfillfleet.worker.tables;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Expected NUMERIC values: a decimal written in a test, at the column's scale. */
final class Numeric
{
    private Numeric() {}

    /** {@code value} (a decimal literal such as 113.78) at {@code scale}, exactly; a literal with more decimals is a mistake in the test. */
    static BigDecimal of(double value, int scale)
    {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** {@link #of}, or null. */
    static BigDecimal ofNullable(Double value, int scale)
    {
        return value == null ? null : of(value, scale);
    }
}
