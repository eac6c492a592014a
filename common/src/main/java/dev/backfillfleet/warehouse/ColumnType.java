package dev.backfillfleet.warehouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The column types the warehouse supports, named as in BigQuery, with their Java value class. */
public enum ColumnType
{
    STRING(String.class),
    INT64(Long.class),
    FLOAT64(Double.class),
    /** Exact decimal, kept as given (scale included); BigQuery's NUMERIC holds 29 digits before the point and 9 after. */
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

    /** Converts a Java value to this type's canonical value class (Integer -> Long and so on). */
    public Object normalize(Object value)
    {
        if (value == null || javaType.isInstance(value)) {
            return value;
        }
        if (this == INT64 && (value instanceof Integer || value instanceof Short || value instanceof Byte)) {
            return ((Number) value).longValue();
        }
        if (this == FLOAT64 && value instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException("value " + value + " (" + value.getClass().getSimpleName() + ") is not a " + this);
    }
}
