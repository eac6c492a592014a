package dev.backfillfleet.embedded;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.EnqueuePolicy.EnqueueDecision;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.state.ClaimResult;
import dev.backfillfleet.state.Completion;
import dev.backfillfleet.state.EnqueueResult;
import dev.backfillfleet.state.LeaseLostException;
import dev.backfillfleet.state.StateStore;

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

import static java.util.Objects.requireNonNull;

/** The embedded state store: one row per (table, date) in a SQLite file shared by all processes. */
public final class SqliteStateStore
        implements StateStore, AutoCloseable
{
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS date_state (
                table_name TEXT NOT NULL,
                game_date TEXT NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
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
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (table_name, game_date)
            ) WITHOUT ROWID""";
    private static final String STATE_INDEX = "CREATE INDEX IF NOT EXISTS date_state_by_state ON date_state (table_name, state, game_date)";
    private static final String COLUMNS = "table_name, game_date, state, attempts, run_id, lease_owner, lease_expires_at, queued_at, "
            + "started_at, finished_at, rows_written, rows_expected, duration_ms, error_class, error_message";
    private static final int ENQUEUE_BATCH = 5_000;

    private final SqliteDatabase database;
    private final Clock clock;

    public SqliteStateStore(SqliteDatabase database, Clock clock)
    {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public static SqliteStateStore open(java.nio.file.Path file, Clock clock)
    {
        return new SqliteStateStore(SqliteDatabase.open(file, SCHEMA, STATE_INDEX), clock);
    }

    /** The store for reading only: a file that does not exist reads as empty and is not created. */
    public static SqliteStateStore openReadOnly(java.nio.file.Path file, Clock clock)
    {
        return new SqliteStateStore(SqliteDatabase.readOnly(file, SCHEMA, STATE_INDEX), clock);
    }

    @Override
    public EnqueueResult enqueue(Collection<DateKey> keys, String runId, EnqueuePolicy policy)
    {
        Map<DateKey, EnqueueDecision> decisions = new HashMap<>();
        List<DateKey> batch = new ArrayList<>();
        for (DateKey key : keys) {
            batch.add(key);
            if (batch.size() == ENQUEUE_BATCH) {
                decisions.putAll(enqueueBatch(batch, runId, policy));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            decisions.putAll(enqueueBatch(batch, runId, policy));
        }
        return new EnqueueResult(decisions);
    }

    private Map<DateKey, EnqueueDecision> enqueueBatch(List<DateKey> keys, String runId, EnqueuePolicy policy)
    {
        return database.write(connection -> {
            long now = clock.millis();
            Map<DateKey, DateRecord> current = select(connection, keys);
            Map<DateKey, EnqueueDecision> decisions = new HashMap<>();
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO date_state (table_name, game_date, state, attempts, run_id, queued_at, updated_at)
                    VALUES (?, ?, 'QUEUED', 0, ?, ?, ?)
                    ON CONFLICT (table_name, game_date) DO UPDATE SET
                        state = 'QUEUED', run_id = excluded.run_id, queued_at = excluded.queued_at,
                        lease_owner = NULL, lease_expires_at = NULL, started_at = NULL, finished_at = NULL,
                        rows_written = NULL, rows_expected = NULL, duration_ms = NULL,
                        error_class = NULL, error_message = NULL, updated_at = excluded.updated_at""")) {
                for (DateKey key : keys) {
                    EnqueueDecision decision = policy.decide(Optional.ofNullable(current.get(key)));
                    decisions.put(key, decision);
                    if (decision == EnqueueDecision.QUEUE) {
                        upsert.setString(1, key.table().tableName());
                        upsert.setString(2, key.date().toString());
                        upsert.setString(3, runId);
                        upsert.setLong(4, now);
                        upsert.setLong(5, now);
                        upsert.addBatch();
                    }
                }
                upsert.executeBatch();
            }
            return decisions;
        });
    }

    @Override
    public ClaimResult claim(WorkItem item, String owner, Duration leaseLength, int maxRunningPerTable)
    {
        DateKey key = item.key();
        return database.write(connection -> {
            Instant now = clock.instant();
            Optional<DateRecord> current = Optional.ofNullable(select(connection, List.of(key)).get(key));
            if (current.isPresent()) {
                DateRecord record = current.get();
                if (record.state().isTerminal()) {
                    return new ClaimResult.AlreadyTerminal(record.state());
                }
                if (record.isLeasedAt(now)) {
                    return new ClaimResult.HeldByOther(record.leaseOwner().orElseThrow(), record.leaseExpiresAt().orElseThrow());
                }
            }
            int running = countLiveLeases(connection, key.table(), now);
            if (running >= maxRunningPerTable) {
                return new ClaimResult.TableAtCapacity(running);
            }
            int attempt = current.map(DateRecord::attempts).orElse(0) + 1;
            Instant expiresAt = now.plus(leaseLength);
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO date_state (table_name, game_date, state, attempts, run_id, lease_owner, lease_expires_at,
                                            started_at, updated_at)
                    VALUES (?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (table_name, game_date) DO UPDATE SET
                        state = 'RUNNING', attempts = excluded.attempts, lease_owner = excluded.lease_owner,
                        lease_expires_at = excluded.lease_expires_at, started_at = excluded.started_at,
                        finished_at = NULL, updated_at = excluded.updated_at""")) {
                statement.setString(1, key.table().tableName());
                statement.setString(2, key.date().toString());
                statement.setInt(3, attempt);
                statement.setString(4, item.runId());
                statement.setString(5, owner);
                statement.setLong(6, expiresAt.toEpochMilli());
                statement.setLong(7, now.toEpochMilli());
                statement.setLong(8, now.toEpochMilli());
                statement.executeUpdate();
            }
            return new ClaimResult.Claimed(new Lease(key, owner, attempt, now, expiresAt));
        });
    }

    private static int countLiveLeases(Connection connection, AnalyticsTable table, Instant now)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM date_state WHERE table_name = ? AND state = 'RUNNING' AND lease_expires_at > ?")) {
            statement.setString(1, table.tableName());
            statement.setLong(2, now.toEpochMilli());
            try (ResultSet resultSet = statement.executeQuery()) {
                resultSet.next();
                return resultSet.getInt(1);
            }
        }
    }

    @Override
    public Lease heartbeat(Lease lease, Duration leaseLength)
    {
        return database.write(connection -> {
            Instant expiresAt = clock.instant().plus(leaseLength);
            updateHeld(connection, lease, "lease_expires_at = ?", statement -> statement.setLong(1, expiresAt.toEpochMilli()), 1);
            return lease.withExpiry(expiresAt);
        });
    }

    @Override
    public void complete(Lease lease, Completion completion)
    {
        database.write(connection -> {
            long now = clock.millis();
            updateHeld(connection, lease,
                    "state = ?, lease_owner = NULL, lease_expires_at = NULL, finished_at = ?, rows_written = ?, rows_expected = ?, "
                            + "duration_ms = ?, error_class = NULL, error_message = NULL",
                    statement -> {
                        statement.setString(1, completion.outcome().name());
                        statement.setLong(2, now);
                        statement.setLong(3, completion.rowsWritten());
                        statement.setLong(4, completion.rowsExpected());
                        statement.setLong(5, completion.duration().toMillis());
                    }, 5);
            return null;
        });
    }

    @Override
    public void fail(Lease lease, ErrorClass errorClass, String message)
    {
        database.write(connection -> {
            long now = clock.millis();
            updateHeld(connection, lease,
                    "state = 'FAILED', lease_owner = NULL, lease_expires_at = NULL, finished_at = ?, "
                            + "duration_ms = ? - started_at, error_class = ?, error_message = ?",
                    statement -> {
                        statement.setLong(1, now);
                        statement.setLong(2, now);
                        statement.setString(3, errorClass.name());
                        statement.setString(4, message);
                    }, 4);
            return null;
        });
    }

    @Override
    public void release(Lease lease, Optional<ErrorClass> errorClass, Optional<String> message)
    {
        database.write(connection -> {
            updateHeld(connection, lease,
                    "state = 'QUEUED', lease_owner = NULL, lease_expires_at = NULL, error_class = ?, error_message = ?",
                    statement -> {
                        setNullableString(statement, 1, errorClass.map(Enum::name));
                        setNullableString(statement, 2, message);
                    }, 2);
            return null;
        });
    }

    @Override
    public boolean failUndeliverable(DateKey key, String runId, String message)
    {
        return database.write(connection -> {
            long now = clock.millis();
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO date_state (table_name, game_date, state, attempts, run_id, finished_at, error_class, error_message, updated_at)
                    VALUES (?, ?, 'FAILED', 0, ?, ?, 'TRANSIENT', ?, ?)
                    ON CONFLICT (table_name, game_date) DO UPDATE SET
                        state = 'FAILED', lease_owner = NULL, lease_expires_at = NULL, finished_at = excluded.finished_at,
                        error_class = excluded.error_class, error_message = excluded.error_message, updated_at = excluded.updated_at
                    WHERE date_state.state NOT IN ('SUCCEEDED', 'NO_GAMES', 'FAILED')""")) {
                statement.setString(1, key.table().tableName());
                statement.setString(2, key.date().toString());
                statement.setString(3, runId);
                statement.setLong(4, now);
                statement.setString(5, message);
                statement.setLong(6, now);
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** Updates the record only if {@code lease} still holds it: same owner, same attempt, RUNNING. */
    private void updateHeld(Connection connection, Lease lease, String assignments, Binder binder, int parameterCount)
            throws SQLException
    {
        String sql = "UPDATE date_state SET " + assignments + ", updated_at = ? "
                + "WHERE table_name = ? AND game_date = ? AND state = 'RUNNING' AND lease_owner = ? AND attempts = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.setLong(parameterCount + 1, clock.millis());
            statement.setString(parameterCount + 2, lease.key().table().tableName());
            statement.setString(parameterCount + 3, lease.key().date().toString());
            statement.setString(parameterCount + 4, lease.owner());
            statement.setInt(parameterCount + 5, lease.attempt());
            if (statement.executeUpdate() == 0) {
                DateRecord current = select(connection, List.of(lease.key())).get(lease.key());
                throw new LeaseLostException(lease, current == null ? "no record"
                        : "record is " + current.state() + " at attempt " + current.attempts() + current.leaseOwner().map(owner -> " held by " + owner).orElse(""));
            }
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
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM date_state WHERE table_name = ? AND game_date BETWEEN ? AND ?");
            if (!states.isEmpty()) {
                sql.append(" AND state IN (").append(String.join(", ", states.stream().map(state -> "'" + state.name() + "'").toList())).append(")");
            }
            sql.append(" ORDER BY game_date");
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                bindRange(statement, table, range);
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
                        new DateKey(AnalyticsTable.byName(resultSet.getString("table_name")).orElseThrow(), LocalDate.parse(resultSet.getString("game_date"))),
                        DateState.valueOf(resultSet.getString("state")),
                        resultSet.getInt("attempts"),
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
                        Optional.ofNullable(resultSet.getString("error_message"))));
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

    @FunctionalInterface
    private interface Binder
    {
        void bind(PreparedStatement statement)
                throws SQLException;
    }
}
