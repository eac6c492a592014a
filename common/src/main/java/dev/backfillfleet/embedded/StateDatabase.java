package dev.backfillfleet.embedded;

import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The embedded state file, {@code state.db}: the date records, the paused tables, the run log,
 * the write permits and the applied table catalog, one SQLite database that each of their adapters shares (one writer
 * connection and one reader per process).
 */
public final class StateDatabase
{
    private static final String[] SCHEMA = Stream.of(SqliteStateStorage.SCHEMA, SqliteTablePauses.SCHEMA, SqliteRunLog.SCHEMA, SqlitePermitStore.SCHEMA, SqliteCatalogStore.SCHEMA)
            .flatMap(Stream::of)
            .toArray(String[]::new);

    private StateDatabase() {}

    public static SqliteDatabase open(Path file)
    {
        return SqliteDatabase.open(file, SCHEMA);
    }

    /** For reading only: a file that does not exist reads as empty and is not created. */
    public static SqliteDatabase readOnly(Path file)
    {
        return SqliteDatabase.readOnly(file, SCHEMA);
    }
}
