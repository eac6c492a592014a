package dev.backfillfleet.warehouse;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static java.util.Objects.requireNonNull;

/**
 * A column: name, type, whether it may be NULL, and, for NUMERIC only, its precision (digits in
 * all) and scale (digits after the point), as BigQuery's parameterised {@code NUMERIC(P, S)}
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-types#parameterized_decimal_type).
 */
public record Column(String name, ColumnType type, boolean nullable, int precision, int scale)
{
    /** BigQuery's NUMERIC holds 29 digits before the point and 9 after. */
    public static final int MAX_NUMERIC_SCALE = 9;
    public static final int MAX_NUMERIC_INTEGER_DIGITS = 29;
    /** A NUMERIC without parameters is BigQuery's plain NUMERIC: {@code NUMERIC(38, 9)}. */
    public static final int DEFAULT_NUMERIC_PRECISION = MAX_NUMERIC_INTEGER_DIGITS + MAX_NUMERIC_SCALE;

    public Column
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column name must be lower snake case: " + name);
        }
        if (type == ColumnType.NUMERIC) {
            if (scale < 0 || scale > MAX_NUMERIC_SCALE || precision < Math.max(1, scale) || precision - scale > MAX_NUMERIC_INTEGER_DIGITS) {
                throw new IllegalArgumentException(name + ": NUMERIC(" + precision + ", " + scale + ") is not a valid precision and scale");
            }
        }
        else if (precision != 0 || scale != 0) {
            throw new IllegalArgumentException(name + ": only a NUMERIC column has a precision and scale");
        }
    }

    /** A column of the type; a NUMERIC one is BigQuery's plain {@code NUMERIC}, {@code NUMERIC(38, 9)}. */
    public Column(String name, ColumnType type, boolean nullable)
    {
        this(name, type, nullable, type == ColumnType.NUMERIC ? DEFAULT_NUMERIC_PRECISION : 0, type == ColumnType.NUMERIC ? MAX_NUMERIC_SCALE : 0);
    }

    public static Column required(String name, ColumnType type)
    {
        return new Column(name, type, false);
    }

    public static Column nullable(String name, ColumnType type)
    {
        return new Column(name, type, true);
    }

    /** A NOT NULL {@code NUMERIC(precision, scale)} column. */
    public static Column requiredNumeric(String name, int precision, int scale)
    {
        return new Column(name, ColumnType.NUMERIC, false, precision, scale);
    }

    /** A nullable {@code NUMERIC(precision, scale)} column. */
    public static Column nullableNumeric(String name, int precision, int scale)
    {
        return new Column(name, ColumnType.NUMERIC, true, precision, scale);
    }

    /** The type as BigQuery writes it: {@code NUMERIC(6, 2)}, {@code INT64}. */
    public String typeName()
    {
        return type == ColumnType.NUMERIC ? "NUMERIC(" + precision + ", " + scale + ")" : type.name();
    }

    /**
     * The value in this column's canonical form ({@link ColumnType#normalize}); a NUMERIC value
     * at exactly the column's scale (a value with more decimals, or more digits than the
     * precision allows, is refused: nothing is rounded here). The same object when already so.
     */
    public Object normalize(Object value)
    {
        Object normalized = type.normalize(value);
        if (type != ColumnType.NUMERIC || normalized == null) {
            return normalized;
        }
        BigDecimal decimal = (BigDecimal) normalized;
        BigDecimal scaled;
        try {
            scaled = decimal.setScale(scale, RoundingMode.UNNECESSARY);
        }
        catch (ArithmeticException e) {
            throw new IllegalArgumentException("value " + decimal.toPlainString() + " has more than " + scale + " decimals for " + name + " " + typeName());
        }
        if (scaled.precision() - scaled.scale() > precision - scale && scaled.signum() != 0) {
            throw new IllegalArgumentException("value " + decimal.toPlainString() + " has more than " + (precision - scale) + " digits before the point for " + name + " " + typeName());
        }
        return scaled;
    }
}
