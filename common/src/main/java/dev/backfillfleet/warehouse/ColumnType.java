package dev.backfillfleet.warehouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The column types the warehouse supports, named as in BigQuery, with their Java value class.
 * NUMERIC is an exact decimal with the precision and scale of its {@link Column}: a
 * {@link BigDecimal}, never a binary floating-point number.
 */
public enum ColumnType
{
    STRING(String.class),
    INT64(Long.class),
    FLOAT64(Double.class),
    NUMERIC(BigDecimal.class),
    BOOL(Boolean.class),
    DATE(LocalDate.class),
    TIMESTAMP(Instant.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType)
    {
        this.javaType = javaType;
    }

    public Class<?> javaType()
    {
        return javaType;
    }

    /**
     * Converts a Java value to this type's canonical value class (Integer -> Long and so on). A
     * NUMERIC value must be exact already: a BigDecimal or a whole number, never a double.
     */
    public Object normalize(Object value)
    {
        if (value == null || javaType.isInstance(value)) {
            return value;
        }
        boolean whole = value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
        if (this == INT64 && whole) {
            return ((Number) value).longValue();
        }
        if (this == FLOAT64 && value instanceof Number number) {
            return number.doubleValue();
        }
        if (this == NUMERIC && whole) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        throw new IllegalArgumentException("value " + value + " (" + value.getClass().getSimpleName() + ") is not a " + this);
    }
}
