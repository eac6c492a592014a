package dev.backfillfleet.warehouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One warehouse row: column name to value (String, Long, Double, Boolean, LocalDate, Instant or
 * null). Immutable; a missing column reads as null. A row made by a {@link RowMaker} keeps the
 * maker's read-only values as they are; any other map is copied.
 */
public record Row(Map<String, Object> values)
{
    public Row
    {
        if (!(values instanceof RowMaker.Values)) {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    public static Builder builder()
    {
        return new Builder();
    }

    public Object get(String column)
    {
        return values.get(column);
    }

    /** This row with only {@code columns}, in that order. */
    public Row project(List<String> columns)
    {
        Map<String, Object> projected = new LinkedHashMap<>();
        for (String column : columns) {
            projected.put(column, values.get(column));
        }
        return new Row(projected);
    }

    public String getString(String column)
    {
        return (String) values.get(column);
    }

    public Long getLong(String column)
    {
        Object value = values.get(column);
        return value == null ? null : ((Number) value).longValue();
    }

    public long getLongOrZero(String column)
    {
        Long value = getLong(column);
        return value == null ? 0 : value;
    }

    public Double getDouble(String column)
    {
        Object value = values.get(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    /** A NUMERIC column's exact value. */
    public BigDecimal getDecimal(String column)
    {
        Object value = values.get(column);
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Long || value instanceof Integer) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        throw new IllegalArgumentException(column + " holds " + value + " (" + value.getClass().getSimpleName() + "), not an exact decimal");
    }

    public Boolean getBoolean(String column)
    {
        return (Boolean) values.get(column);
    }

    public LocalDate getDate(String column)
    {
        return (LocalDate) values.get(column);
    }

    public Instant getTimestamp(String column)
    {
        return (Instant) values.get(column);
    }

    public Row with(String column, Object value)
    {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(column, value);
        return new Row(copy);
    }

    public static final class Builder
    {
        private final Map<String, Object> values = new LinkedHashMap<>();

        public Builder set(String column, Object value)
        {
            values.put(column, value);
            return this;
        }

        public Row build()
        {
            return new Row(values);
        }
    }
}
