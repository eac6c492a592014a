package dev.backfillfleet.embedded;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.BackfillRun;
import dev.backfillfleet.state.RunLog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The run log in the embedded state file: one row per run, written once. */
public final class SqliteRunLog
        implements RunLog
{
    static final String[] SCHEMA = {"""
            CREATE TABLE IF NOT EXISTS backfill_run (
                run_id TEXT PRIMARY KEY,
                created_at INTEGER NOT NULL,
                created_by TEXT NOT NULL,
                command TEXT NOT NULL,
                tables TEXT NOT NULL,
                dates TEXT NOT NULL,
                keys INTEGER NOT NULL
            ) WITHOUT ROWID""",
            "CREATE INDEX IF NOT EXISTS backfill_run_by_time ON backfill_run (created_at)"};

    private static final String RUN_COLUMNS = "SELECT run_id, created_at, created_by, command, tables, dates, keys FROM backfill_run ";
    private static final String RECENT_RUNS = RUN_COLUMNS + "ORDER BY created_at DESC, run_id DESC LIMIT ?";
    private static final String ONE_RUN = RUN_COLUMNS + "WHERE run_id = ?";

    private final SqliteDatabase database;

    public SqliteRunLog(SqliteDatabase database)
    {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public void recordRun(BackfillRun run)
    {
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO backfill_run (run_id, created_at, created_by, command, tables, dates, keys) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, run.id());
                insert.setLong(2, run.createdAt().toEpochMilli());
                insert.setString(3, run.createdBy());
                insert.setString(4, run.command());
                insert.setString(5, String.join(",", run.tables().stream().map(AnalyticsTable::tableName).toList()));
                insert.setString(6, run.dates());
                insert.setInt(7, run.keys());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<BackfillRun> runs(int limit)
    {
        return database.read(connection -> selectRuns(connection, RECENT_RUNS, statement -> statement.setInt(1, Math.max(0, limit))));
    }

    @Override
    public Optional<BackfillRun> run(String runId)
    {
        return database.read(connection -> selectRuns(connection, ONE_RUN, statement -> statement.setString(1, runId))).stream().findFirst();
    }

    @FunctionalInterface
    private interface Parameters
    {
        void bind(PreparedStatement statement)
                throws SQLException;
    }

    private static List<BackfillRun> selectRuns(Connection connection, String sql, Parameters parameters)
            throws SQLException
    {
        List<BackfillRun> runs = new ArrayList<>();
        if (!SqliteTables.exists(connection, "backfill_run")) {
            return runs;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.bind(statement);
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    List<AnalyticsTable> tables = Arrays.stream(resultSet.getString(5).split(","))
                            .flatMap(name -> AnalyticsTable.parse(name).stream())
                            .toList();
                    runs.add(new BackfillRun(resultSet.getString(1), Instant.ofEpochMilli(resultSet.getLong(2)), resultSet.getString(3),
                            resultSet.getString(4), tables, resultSet.getString(6), resultSet.getInt(7)));
                }
            }
        }
        return runs;
    }
}
