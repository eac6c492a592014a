package dev.backfillfleet.embedded;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.TablePause;
import dev.backfillfleet.state.TablePauses;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The paused tables in the embedded state file: a row per paused table. */
public final class SqliteTablePauses
        implements TablePauses
{
    static final String[] SCHEMA = {"""
            CREATE TABLE IF NOT EXISTS paused_table (
                table_name TEXT PRIMARY KEY,
                paused_at INTEGER NOT NULL,
                paused_by TEXT NOT NULL
            ) WITHOUT ROWID"""};

    private final SqliteDatabase database;

    public SqliteTablePauses(SqliteDatabase database)
    {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public TablePause pause(TablePause pause)
    {
        return database.write(connection -> {
            TablePause existing = pauses(connection).get(pause.table());
            if (existing != null) {
                return existing;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO paused_table (table_name, paused_at, paused_by) VALUES (?, ?, ?)")) {
                insert.setString(1, pause.table().tableName());
                insert.setLong(2, pause.since().toEpochMilli());
                insert.setString(3, pause.by());
                insert.executeUpdate();
            }
            return pause;
        });
    }

    @Override
    public boolean resume(AnalyticsTable table)
    {
        return database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM paused_table WHERE table_name = ?")) {
                delete.setString(1, table.tableName());
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Map<AnalyticsTable, TablePause> pausedTables()
    {
        return database.read(SqliteTablePauses::pauses);
    }

    private static Map<AnalyticsTable, TablePause> pauses(Connection connection)
            throws SQLException
    {
        Map<AnalyticsTable, TablePause> pauses = new java.util.TreeMap<>();
        if (!SqliteTables.exists(connection, "paused_table")) {
            return pauses;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT table_name, paused_at, paused_by FROM paused_table");
                ResultSet resultSet = statement.executeQuery()) {
            while (resultSet.next()) {
                Optional<AnalyticsTable> table = AnalyticsTable.parse(resultSet.getString(1));
                if (table.isPresent()) {
                    pauses.put(table.get(), new TablePause(table.get(), Instant.ofEpochMilli(resultSet.getLong(2)), resultSet.getString(3)));
                }
            }
        }
        return pauses;
    }
}
