package dev.backfillfleet.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The {@code row_hash} column: SHA-256 over every business column in schema order, so that
 * identical inputs give identical hashes in any process. {@code row_hash} and
 * {@code processed_at} (the only wall-clock column) are left out.
 */
public final class RowHash
{
    private static final Set<String> EXCLUDED = Set.of("row_hash", "processed_at");

    private RowHash() {}

    public static String of(TableSchema schema, Row row)
    {
        StringBuilder canonical = new StringBuilder();
        for (Column column : schema.columns()) {
            if (EXCLUDED.contains(column.name())) {
                continue;
            }
            Object value = column.type().normalize(row.get(column.name()));
            canonical.append(column.name()).append('=').append(value == null ? "\u0000" : value.toString()).append('\u001f');
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Returns the row with its {@code row_hash} filled in. */
    public static Row stamp(TableSchema schema, Row row)
    {
        return row.with("row_hash", of(schema, row));
    }
}
