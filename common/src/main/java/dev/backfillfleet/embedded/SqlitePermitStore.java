package dev.backfillfleet.embedded;

import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.WindowedWriteGate;

import java.nio.file.Path;
import java.sql.PreparedStatement;

import static java.util.Objects.requireNonNull;

/** Write permits in the embedded state file ({@link StateDatabase}): a row per (table, window, permit), inserted once. */
public final class SqlitePermitStore
        implements WindowedWriteGate.PermitStore, AutoCloseable
{
    static final String[] SCHEMA = {"""
            CREATE TABLE IF NOT EXISTS write_permits (
                table_name TEXT NOT NULL, window INTEGER NOT NULL, permit INTEGER NOT NULL,
                PRIMARY KEY (table_name, window, permit)) WITHOUT ROWID"""};
    // windows are seconds: keep an hour of them
    private static final long KEPT_WINDOWS = 3_600;

    private final SqliteDatabase database;

    public SqlitePermitStore(SqliteDatabase database)
    {
        this.database = requireNonNull(database, "database is null");
    }

    /** A store of its own on {@code file} (it closes the file when closed): for tests. */
    public static SqlitePermitStore open(Path file)
    {
        return new SqlitePermitStore(StateDatabase.open(file));
    }

    @Override
    public boolean tryTake(TableRef table, long window, int permit)
    {
        return database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO write_permits (table_name, window, permit) VALUES (?, ?, ?)");
                    PreparedStatement prune = connection.prepareStatement("DELETE FROM write_permits WHERE window < ?")) {
                insert.setString(1, table.toString());
                insert.setLong(2, window);
                insert.setInt(3, permit);
                boolean taken = insert.executeUpdate() == 1;
                if (taken && permit == 0) {
                    prune.setLong(1, window - KEPT_WINDOWS);
                    prune.executeUpdate();
                }
                return taken;
            }
        });
    }

    @Override
    public void close()
    {
        database.close();
    }
}
