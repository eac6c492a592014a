package dev.backfillfleet.embedded;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.CancelRequest;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.state.DateTransitions.Decided;
import dev.backfillfleet.state.RunSummary;
import dev.backfillfleet.state.StateStorage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import static java.util.Objects.requireNonNull;

/**
 * The embedded state storage: one row per (table, date) in a SQLite file shared by all processes.
 * Every change is a write transaction (the file's lock taken up front, BEGIN IMMEDIATE) that
 * reads the row, asks the state machine's decision what it becomes and writes the whole row back;
 * a batch is one transaction per {@value #BATCH} keys, written as one executed batch. The
 * statements come from the connection's statement cache ({@link StatementCache}). The same file keeps the
 * paused tables, the run log and the write permits ({@link StateDatabase}); a run's progress is
 * counted from the dates that carry its id.
 */
public final class SqliteStateStorage
        implements StateStorage
{
    private static final String DATE_STATE = """
            CREATE TABLE IF NOT EXISTS date_state (
                table_name TEXT NOT NULL,
                game_date TEXT NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                given_back INTEGER NOT NULL DEFAULT 0,
                run_id TEXT NOT NULL,
                lease_owner TEXT,
                lease_expires_at INTEGER,
                queued_at INTEGER,
                started_at INTEGER,
                finished_at INTEGER,
                rows_written INTEGER,
                rows_expected INTEGER,
                duration_ms INTEGER,
                error_class TEXT,
                error_message TEXT,
                cancel_request TEXT,
                definition_version INTEGER,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (table_name, game_date)
            ) WITHOUT ROWID""";
    // a state.db made before given_back existed gets the column (SqliteDatabase skips it when it is there)
    private static final String ADD_GIVEN_BACK = "ALTER TABLE date_state ADD COLUMN given_back INTEGER NOT NULL DEFAULT 0";
    private static final String ADD_CANCEL_REQUEST = "ALTER TABLE date_state ADD COLUMN cancel_request TEXT";
    private static final String ADD_DEFINITION_VERSION = "ALTER TABLE date_state ADD COLUMN definition_version INTEGER";
    private static final String STATE_INDEX = "CREATE INDEX IF NOT EXISTS date_state_by_state ON date_state (table_name, state, game_date)";
    // the live leases of a table, counted before every claim: only RUNNING rows are in it, so the
    // count costs the same with 100 or 1,000,000 dates (the state index alone leaves the planner
    // on the primary key, a scan of the whole table's dates). The query repeats the index's
    // WHERE term, which SQLite needs to use a partial index (https://www.sqlite.org/partialindex.html)
    private static final String LIVE_LEASE_INDEX = "CREATE INDEX IF NOT EXISTS date_state_live_leases ON date_state (table_name, lease_expires_at) WHERE state = 'RUNNING'";
    static final String COUNT_LIVE_LEASES = "SELECT count(*) FROM date_state WHERE table_name = ? AND state = 'RUNNING' AND lease_expires_at > ?";
    private static final String RUN_INDEX = "CREATE INDEX IF NOT EXISTS date_state_by_run ON date_state (run_id, table_name, state)";
    static final String[] SCHEMA = {DATE_STATE, ADD_GIVEN_BACK, ADD_CANCEL_REQUEST, ADD_DEFINITION_VERSION, STATE_INDEX, LIVE_LEASE_INDEX, RUN_INDEX};
    private static final String COLUMNS = "table_name, game_date, state, attempts, given_back, run_id, lease_owner, lease_expires_at, queued_at, "
            + "started_at, finished_at, rows_written, rows_expected, duration_ms, error_class, error_message, cancel_request, definition_version";
    private static final String UPSERT = "INSERT INTO date_state (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (table_name, game_date) DO UPDATE SET state = excluded.state, attempts = excluded.attempts, given_back = excluded.given_back, "
            + "run_id = excluded.run_id, lease_owner = excluded.lease_owner, lease_expires_at = excluded.lease_expires_at, queued_at = excluded.queued_at, "
            + "started_at = excluded.started_at, finished_at = excluded.finished_at, rows_written = excluded.rows_written, "
            + "rows_expected = excluded.rows_expected, duration_ms = excluded.duration_ms, error_class = excluded.error_class, "
            + "error_message = excluded.error_message, cancel_request = excluded.cancel_request, "
            + "definition_version = excluded.definition_version, updated_at = excluded.updated_at";
    private static final int BATCH = 5_000;

    private final SqliteDatabase database;
    private final Clock clock;

    public SqliteStateStorage(SqliteDatabase database, Clock clock)
    {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Storage of its own on {@code file} (it closes the file when closed): for tools and tests. */
    public static SqliteStateStorage open(java.nio.file.Path file, Clock clock)
    {
        return new SqliteStateStorage(StateDatabase.open(file), clock);
    }

    /** For reading only: a file that does not exist reads as empty and is not created. */
    public static SqliteStateStorage openReadOnly(java.nio.file.Path file, Clock clock)
    {
        return new SqliteStateStorage(StateDatabase.readOnly(file), clock);
    }

    @Override
    public <R> R update(String operation, DateKey key, Decision<R> decision)
    {
        return database.write(connection -> decide(connection, key, clock.instant(), (current, now) -> decision.decide(key, current, now)));
    }

    /**
     * The claim's transaction counts the table's live leases itself: the file's write lock, taken
     * up front, makes the count exact, and the partial index over RUNNING rows keeps it as cheap
     * with 1,000,000 dates as with 100.
     */
    @Override
    public <R> R updateCounted(String operation, DateKey key, int maxRunningPerTable, CountedDecision<R> decision)
    {
        return database.write(connection -> {
            Instant now = clock.instant();
            long liveLeases = countLiveLeases(connection, key.table(), now);
            return decide(connection, key, now, (current, at) -> decision.decide(current, at, liveLeases));
        });
    }

    private static <R> R decide(Connection connection, DateKey key, Instant now, BiFunction<Optional<DateRecord>, Instant, Decided<R>> decision)
            throws SQLException
    {
        Decided<R> decided = decision.apply(Optional.ofNullable(select(connection, List.of(key)).get(key)), now);
        if (decided.next().isPresent()) {
            write(connection, decided.next().get(), now);
        }
        return decided.decision();
    }

    /** Decides in one write transaction per batch of {@value #BATCH} keys. */
    @Override
    public <R> Map<DateKey, R> updateEach(String operation, Collection<DateKey> keys, Decision<R> decision)
    {
        Map<DateKey, R> decisions = new HashMap<>();
        List<DateKey> batch = new ArrayList<>();
        for (DateKey key : keys) {
            batch.add(key);
            if (batch.size() == BATCH) {
                decisions.putAll(decideBatch(batch, decision));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            decisions.putAll(decideBatch(batch, decision));
        }
        return decisions;
    }

    private <R> Map<DateKey, R> decideBatch(List<DateKey> keys, Decision<R> decision)
    {
        return database.write(connection -> {
            Instant now = clock.instant();
            Map<DateKey, DateRecord> current = select(connection, keys);
            Map<DateKey, R> decisions = new HashMap<>();
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (DateKey key : keys) {
                    Decided<R> decided = decision.decide(key, Optional.ofNullable(current.get(key)), now);
                    decisions.put(key, decided.decision());
                    if (decided.next().isPresent()) {
                        bind(upsert, decided.next().get(), now);
                        upsert.addBatch();
                    }
                }
                upsert.executeBatch();
            }
            return decisions;
        });
    }

    private static int countLiveLeases(Connection connection, AnalyticsTable table, Instant now)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement(COUNT_LIVE_LEASES)) {
            statement.setString(1, table.tableName());
            statement.setLong(2, now.toEpochMilli());
            try (ResultSet resultSet = statement.executeQuery()) {
                resultSet.next();
                return resultSet.getInt(1);
            }
        }
    }

    private static void write(Connection connection, DateRecord record, Instant now)
            throws SQLException
    {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            bind(upsert, record, now);
            upsert.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, DateRecord record, Instant now)
            throws SQLException
    {
        statement.setString(1, record.key().table().tableName());
        statement.setString(2, record.key().date().toString());
        statement.setString(3, record.state().name());
        statement.setInt(4, record.attempts());
        statement.setInt(5, record.givenBack());
        statement.setString(6, record.runId());
        setNullableString(statement, 7, record.leaseOwner());
        setNullableLong(statement, 8, record.leaseExpiresAt().map(Instant::toEpochMilli));
        setNullableLong(statement, 9, record.queuedAt().map(Instant::toEpochMilli));
        setNullableLong(statement, 10, record.startedAt().map(Instant::toEpochMilli));
        setNullableLong(statement, 11, record.finishedAt().map(Instant::toEpochMilli));
        setNullableLong(statement, 12, record.rowsWritten());
        setNullableLong(statement, 13, record.rowsExpected());
        setNullableLong(statement, 14, record.duration().map(Duration::toMillis));
        setNullableString(statement, 15, record.errorClass().map(Enum::name));
        setNullableString(statement, 16, record.errorMessage());
        setNullableString(statement, 17, record.cancelRequest().map(Enum::name));
        setNullableLong(statement, 18, record.definitionVersion());
        statement.setLong(19, now.toEpochMilli());
    }

    private static void setNullableLong(PreparedStatement statement, int index, Optional<Long> value)
            throws SQLException
    {
        if (value.isPresent()) {
            statement.setLong(index, value.get());
        }
        else {
            statement.setNull(index, Types.INTEGER);
        }
    }

    @Override
    public Optional<DateRecord> get(DateKey key)
    {
        return Optional.ofNullable(getAll(List.of(key)).get(key));
    }

    @Override
    public Map<DateKey, DateRecord> getAll(Collection<DateKey> keys)
    {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return database.read(connection -> select(connection, keys));
    }

    @Override
    public List<DateRecord> list(AnalyticsTable table, Optional<DateRange> range, Set<DateState> states)
    {
        return database.read(connection -> {
            List<DateState> wanted = List.copyOf(states);
            String sql = "SELECT " + COLUMNS + " FROM date_state WHERE table_name = ? AND game_date BETWEEN ? AND ?"
                    + (wanted.isEmpty() ? "" : " AND state IN (" + placeholders(wanted.size()) + ")") + " ORDER BY game_date";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bindRange(statement, table, range);
                for (int i = 0; i < wanted.size(); i++) {
                    statement.setString(4 + i, wanted.get(i).name());
                }
                return readRecords(statement);
            }
        });
    }

    @Override
    public Map<DateState, Long> countByState(AnalyticsTable table, Optional<DateRange> range)
    {
        return database.read(connection -> {
            Map<DateState, Long> counts = new EnumMap<>(DateState.class);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT state, count(*) FROM date_state WHERE table_name = ? AND game_date BETWEEN ? AND ? GROUP BY state")) {
                bindRange(statement, table, range);
                try (ResultSet resultSet = statement.executeQuery()) {
                    while (resultSet.next()) {
                        counts.put(DateState.valueOf(resultSet.getString(1)), resultSet.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    @Override
    public long countFinishedSince(AnalyticsTable table, Instant since)
    {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(*) FROM date_state WHERE table_name = ? AND state IN (?, ?, ?) AND finished_at >= ?")) {
                statement.setString(1, table.tableName());
                statement.setString(2, DateState.SUCCEEDED.name());
                statement.setString(3, DateState.NO_GAMES.name());
                statement.setString(4, DateState.FAILED.name());
                statement.setLong(5, since.toEpochMilli());
                try (ResultSet resultSet = statement.executeQuery()) {
                    resultSet.next();
                    return resultSet.getLong(1);
                }
            }
        });
    }

    @Override
    public RunSummary summarizeRun(String runId)
    {
        return database.read(connection -> {
            Map<DateState, Long> counts = new EnumMap<>(DateState.class);
            try (PreparedStatement statement = connection.prepareStatement("SELECT state, count(*) FROM date_state WHERE run_id = ? GROUP BY state")) {
                statement.setString(1, runId);
                readCounts(statement, counts);
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT min(started_at), max(finished_at) FROM date_state WHERE run_id = ?")) {
                statement.setString(1, runId);
                try (ResultSet resultSet = statement.executeQuery()) {
                    resultSet.next();
                    return new RunSummary(counts, optionalInstant(resultSet, 1), optionalInstant(resultSet, 2));
                }
            }
        });
    }

    @Override
    public Map<DateState, Long> countByRun(String runId, AnalyticsTable table)
    {
        return database.read(connection -> {
            Map<DateState, Long> counts = new EnumMap<>(DateState.class);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT state, count(*) FROM date_state WHERE run_id = ? AND table_name = ? GROUP BY state")) {
                statement.setString(1, runId);
                statement.setString(2, table.tableName());
                readCounts(statement, counts);
            }
            return counts;
        });
    }

    @Override
    public List<DateRecord> listRun(String runId, AnalyticsTable table, Set<DateState> states)
    {
        return database.read(connection -> {
            List<DateState> wanted = List.copyOf(states);
            String sql = "SELECT " + COLUMNS + " FROM date_state WHERE run_id = ? AND table_name = ?"
                    + (wanted.isEmpty() ? "" : " AND state IN (" + placeholders(wanted.size()) + ")") + " ORDER BY game_date";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, runId);
                statement.setString(2, table.tableName());
                for (int i = 0; i < wanted.size(); i++) {
                    statement.setString(3 + i, wanted.get(i).name());
                }
                return readRecords(statement);
            }
        });
    }

    private static void readCounts(PreparedStatement statement, Map<DateState, Long> counts)
            throws SQLException
    {
        try (ResultSet resultSet = statement.executeQuery()) {
            while (resultSet.next()) {
                counts.put(DateState.valueOf(resultSet.getString(1)), resultSet.getLong(2));
            }
        }
    }

    private static Optional<Instant> optionalInstant(ResultSet resultSet, int column)
            throws SQLException
    {
        long value = resultSet.getLong(column);
        return resultSet.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }

    /** {@code ?, ?, ?}: query parameters, never values. */
    private static String placeholders(int count)
    {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static void bindRange(PreparedStatement statement, AnalyticsTable table, Optional<DateRange> range)
            throws SQLException
    {
        statement.setString(1, table.tableName());
        statement.setString(2, range.map(DateRange::first).map(LocalDate::toString).orElse("0000-01-01"));
        statement.setString(3, range.map(DateRange::last).map(LocalDate::toString).orElse("9999-12-31"));
    }

    private static Map<DateKey, DateRecord> select(Connection connection, Collection<DateKey> keys)
            throws SQLException
    {
        Map<DateKey, DateRecord> records = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM date_state WHERE table_name = ? AND game_date = ?")) {
            for (DateKey key : keys) {
                statement.setString(1, key.table().tableName());
                statement.setString(2, key.date().toString());
                for (DateRecord record : readRecords(statement)) {
                    records.put(record.key(), record);
                }
            }
        }
        return records;
    }

    private static List<DateRecord> readRecords(PreparedStatement statement)
            throws SQLException
    {
        List<DateRecord> records = new ArrayList<>();
        try (ResultSet resultSet = statement.executeQuery()) {
            while (resultSet.next()) {
                records.add(new DateRecord(
                        new DateKey(AnalyticsTable.parse(resultSet.getString("table_name")).orElseThrow(), LocalDate.parse(resultSet.getString("game_date"))),
                        DateState.valueOf(resultSet.getString("state")),
                        resultSet.getInt("attempts"),
                        resultSet.getInt("given_back"),
                        resultSet.getString("run_id"),
                        Optional.ofNullable(resultSet.getString("lease_owner")),
                        instant(resultSet, "lease_expires_at"),
                        instant(resultSet, "queued_at"),
                        instant(resultSet, "started_at"),
                        instant(resultSet, "finished_at"),
                        optionalLong(resultSet, "rows_written"),
                        optionalLong(resultSet, "rows_expected"),
                        optionalLong(resultSet, "duration_ms").map(Duration::ofMillis),
                        Optional.ofNullable(resultSet.getString("error_class")).map(ErrorClass::valueOf),
                        Optional.ofNullable(resultSet.getString("error_message")),
                        Optional.ofNullable(resultSet.getString("cancel_request")).map(CancelRequest::valueOf),
                        optionalLong(resultSet, "definition_version")));
            }
        }
        return records;
    }

    private static Optional<Instant> instant(ResultSet resultSet, String column)
            throws SQLException
    {
        return optionalLong(resultSet, column).map(Instant::ofEpochMilli);
    }

    private static Optional<Long> optionalLong(ResultSet resultSet, String column)
            throws SQLException
    {
        long value = resultSet.getLong(column);
        return resultSet.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static void setNullableString(PreparedStatement statement, int index, Optional<String> value)
            throws SQLException
    {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        }
        else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    @Override
    public void close()
    {
        database.close();
    }


}
