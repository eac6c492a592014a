package dev.backfillfleet.coordinator.compare;

import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How a value of one side is compared with the other's: in the type of our column, whatever the
 * other table's type (the real table keeps some of our FLOAT64 columns as INT64, the embedded
 * warehouse keeps DATE and NUMERIC as text).
 *
 * <p>Numbers are compared at the coarser of the two columns' scales, rounded half away from zero:
 * INT64 has scale 0, {@code NUMERIC(P, S)} scale S, and FLOAT64 is compared rounded to
 * {@value #FLOAT_DECIMALS} decimals (a binary fraction is not exact: two pipelines summing in
 * another order differ in the last bits). So our FLOAT64 possessions 98.4 against their INT64 98
 * is 98 = 98: a value known to units on one side cannot differ in its tenths.
 */
public final class ComparedValue
{
    /** The decimals a FLOAT64 value is rounded to before it is compared. */
    public static final int FLOAT_DECIMALS = 6;

    private ComparedValue() {}

    /** The decimals at which values of these two columns (ours, theirs) are compared; only for a number column of ours. */
    public static int scale(Column ours, Column theirs)
    {
        return Math.min(scaleOf(ours), scaleOf(theirs));
    }

    private static int scaleOf(Column column)
    {
        return switch (column.type()) {
            case INT64 -> 0;
            case NUMERIC -> column.scale();
            case FLOAT64 -> FLOAT_DECIMALS;
            // a number kept as text (the embedded warehouse's NUMERIC) carries no scale of its own
            default -> Integer.MAX_VALUE;
        };
    }

    /**
     * The value in the form it is compared in, for our column's type: a number as a decimal at
     * {@code scale}, a date, an instant, a boolean, a string. A value that does not read as our
     * type (text in a number column) stays text, which equals nothing of ours.
     */
    public static Object canonical(Object value, ColumnType ours, int scale)
    {
        if (value == null) {
            return null;
        }
        return switch (ours) {
            case INT64, FLOAT64, NUMERIC -> decimal(value, scale);
            case BOOL -> bool(value);
            case DATE -> date(value);
            case TIMESTAMP -> instant(value);
            case STRING -> value.toString();
        };
    }

    /** How a value is shown in examples. */
    public static String show(Object value)
    {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        return value.toString();
    }

    private static Object decimal(Object value, int scale)
    {
        BigDecimal decimal;
        try {
            if (value instanceof BigDecimal exact) {
                decimal = exact;
            }
            else if (value instanceof Long || value instanceof Integer) {
                decimal = BigDecimal.valueOf(((Number) value).longValue());
            }
            else if (value instanceof Double number) {
                if (number.isNaN() || number.isInfinite()) {
                    return number.toString();
                }
                decimal = new BigDecimal(number.toString());
            }
            else if (value instanceof Boolean bool) {
                decimal = bool ? BigDecimal.ONE : BigDecimal.ZERO;
            }
            else {
                decimal = new BigDecimal(value.toString().trim());
            }
        }
        catch (NumberFormatException e) {
            return value.toString();
        }
        return scale == Integer.MAX_VALUE ? decimal.stripTrailingZeros() : decimal.setScale(scale, RoundingMode.HALF_UP);
    }

    private static Object bool(Object value)
    {
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return number.longValue() != 0;
        }
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> value.toString();
        };
    }

    private static Object date(Object value)
    {
        if (value instanceof LocalDate) {
            return value;
        }
        try {
            return LocalDate.parse(value.toString().trim());
        }
        catch (DateTimeParseException e) {
            return value.toString();
        }
    }

    /** An instant; a whole number is the embedded warehouse's microseconds since the epoch. */
    private static Object instant(Object value)
    {
        if (value instanceof Instant) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer) {
            long micros = ((Number) value).longValue();
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        }
        try {
            return Instant.parse(value.toString().trim());
        }
        catch (DateTimeParseException e) {
            return value.toString();
        }
    }
}
