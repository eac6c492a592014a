package dev.backfillfleet.catalog;

/** The SQL dialect of a warehouse, as a catalog file names it under {@code sql:} or {@code expected_rows:}. */
public enum SqlDialect
{
    BIGQUERY("bigquery"),
    EMBEDDED("embedded");

    private final String key;

    SqlDialect(String key)
    {
        this.key = key;
    }

    /** The key of a per-dialect map in a catalog file. */
    public String key()
    {
        return key;
    }
}
