package dev.backfillfleet.warehouse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The {@code data_hash} column (the real tables' name for a hash of the business columns):
 * SHA-256 over every business column in schema order, so that identical inputs give identical
 * hashes in any process. {@code data_hash} and {@code processed_at} (the only wall-clock column)
 * are left out. The real tables' value is a 16-character prefix over their own columns, so the
 * values never match theirs.
 */
public final class RowHash
{
    public static final String COLUMN = "data_hash";
    private static final Set<String> EXCLUDED = Set.of(COLUMN, "processed_at");

    private RowHash() {}

    public static String of(TableSchema schema, Row row)
    {
        StringBuilder canonical = new StringBuilder();
        for (Column column : schema.columns()) {
            if (EXCLUDED.contains(column.name())) {
                continue;
            }
            Object value = column.normalize(row.get(column.name()));
            canonical.append(column.name()).append('=').append(text(value)).append('\u001f');
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A value's text: a NUMERIC in plain digits at its column's scale (never an exponent). */
    private static String text(Object value)
    {
        if (value == null) {
            return "\u0000";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /** Returns the row with its {@code data_hash} filled in. */
    public static Row stamp(TableSchema schema, Row row)
    {
        return row.with(COLUMN, of(schema, row));
    }
}
