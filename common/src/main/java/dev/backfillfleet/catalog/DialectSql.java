package dev.backfillfleet.catalog;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The SQL of a table or of its expected row count: one text for both warehouses, or one per
 * dialect where they differ. Table references are {@code {{name}}} and the date is {@code @date}
 * (see {@link SqlTemplate}).
 */
public record DialectSql(Map<SqlDialect, String> texts)
{
    public DialectSql
    {
        requireNonNull(texts, "texts is null");
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no SQL for any dialect");
        }
        texts.values().forEach(text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("empty SQL");
            }
        });
        texts = Map.copyOf(new EnumMap<>(texts));
    }

    /** The same text for every warehouse. */
    public static DialectSql portable(String text)
    {
        Map<SqlDialect, String> texts = new EnumMap<>(SqlDialect.class);
        for (SqlDialect dialect : SqlDialect.values()) {
            texts.put(dialect, text);
        }
        return new DialectSql(texts);
    }

    public Optional<String> forDialect(SqlDialect dialect)
    {
        return Optional.ofNullable(texts.get(dialect));
    }

    /** Whether one text serves every dialect (what a file without a per-dialect map gave). */
    public boolean isPortable()
    {
        return texts.size() == SqlDialect.values().length && texts.values().stream().distinct().count() == 1;
    }
}
