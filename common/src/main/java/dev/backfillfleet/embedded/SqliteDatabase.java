package dev.backfillfleet.embedded;

import dev.backfillfleet.domain.FleetException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite file shared by every process on the machine. WAL lets readers run beside the one
 * writer; writes take the file's write lock up front (BEGIN IMMEDIATE) and wait for it with a
 * busy timeout, so concurrent read-modify-write transactions from several processes serialise
 * instead of failing. Within a process, writes share one connection under a lock and reads
 * another, so that progress queries never wait behind the write path.
 */
public final class SqliteDatabase
        implements AutoCloseable
{
    private static final int BUSY_TIMEOUT_MILLIS = 60_000;

    private final Path file;
    private final Connection connection;
    private final Connection readConnection;
    private final boolean readOnly;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();

    private SqliteDatabase(Path file, Connection connection, Connection readConnection, boolean readOnly)
    {
        this.file = file;
        this.connection = connection;
        this.readConnection = readConnection;
        this.readOnly = readOnly;
    }

    /** Opens (creating if needed) the database and runs {@code schema} once. */
    public static SqliteDatabase open(Path file, String... schema)
    {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create directory for " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        Connection writer = connect(file, config);
        SqliteDatabase database = new SqliteDatabase(file, writer, connect(file, config), false);
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : schema) {
                    statement.execute(sql);
                }
            }
            return null;
        });
        return database;
    }

    /**
     * Opens an existing database without the right to change it, for dry runs and read-only
     * views; a file that does not exist is not created.
     */
    public static java.util.Optional<SqliteDatabase> openReadOnlyIfExists(Path file)
    {
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        if (Files.exists(wal)) {
            // a writer is active (or crashed): read through the WAL like any reader
            Connection reader = connect(file, config);
            return java.util.Optional.of(new SqliteDatabase(file, reader, reader, true));
        }
        // no WAL: the file is the whole truth; immutable=1 reads it without creating -wal/-shm files
        try {
            Connection connection = config.createConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?immutable=1");
            return java.util.Optional.of(new SqliteDatabase(file, connection, connection, true));
        }
        catch (SQLException e) {
            throw new FleetException(dev.backfillfleet.domain.ErrorClass.PERMANENT, "cannot open SQLite database " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file, SQLiteConfig config)
    {
        try {
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        }
        catch (SQLException e) {
            throw new FleetException(dev.backfillfleet.domain.ErrorClass.PERMANENT, "cannot open SQLite database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file()
    {
        return file;
    }

    public boolean isReadOnly()
    {
        return readOnly;
    }

    /** Runs a read-modify-write transaction holding the file's write lock from the start. */
    public <T> T write(SqlWork<T> work)
    {
        if (readOnly) {
            throw new IllegalStateException("database opened read-only: " + file);
        }
        lock.lock();
        try {
            execute("BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                T result = work.run(connection);
                execute("COMMIT");
                committed = true;
                return result;
            }
            finally {
                if (!committed) {
                    rollbackQuietly();
                }
            }
        }
        catch (SQLException e) {
            throw translate(e);
        }
        finally {
            lock.unlock();
        }
    }

    /** Runs reads in one snapshot (a deferred transaction on the read connection: no write lock). */
    public <T> T read(SqlWork<T> work)
    {
        readLock.lock();
        try {
            execute(readConnection, "BEGIN DEFERRED");
            try {
                return work.run(readConnection);
            }
            finally {
                rollbackQuietly(readConnection);
            }
        }
        catch (SQLException e) {
            throw translate(e);
        }
        finally {
            readLock.unlock();
        }
    }

    private void execute(String sql)
            throws SQLException
    {
        execute(connection, sql);
    }

    private static void execute(Connection target, String sql)
            throws SQLException
    {
        try (Statement statement = target.createStatement()) {
            statement.execute(sql);
        }
    }

    private void rollbackQuietly()
    {
        rollbackQuietly(connection);
    }

    private static void rollbackQuietly(Connection target)
    {
        try {
            execute(target, "ROLLBACK");
        }
        catch (SQLException ignored) {
            // no transaction open any more: nothing to undo
        }
    }

    private FleetException translate(SQLException e)
    {
        if (e instanceof SQLiteException sqliteException) {
            SQLiteErrorCode code = sqliteException.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED
                    || code.name().startsWith("SQLITE_BUSY") || code.name().startsWith("SQLITE_LOCKED")) {
                return FleetException.transientFailure("SQLite database busy: " + file, e);
            }
        }
        return new FleetException(dev.backfillfleet.domain.ErrorClass.PERMANENT, "SQLite error on " + file + ": " + e.getMessage(), e);
    }

    @Override
    public void close()
    {
        lock.lock();
        readLock.lock();
        try {
            connection.close();
            if (readConnection != connection) {
                readConnection.close();
            }
        }
        catch (SQLException e) {
            throw translate(e);
        }
        finally {
            readLock.unlock();
            lock.unlock();
        }
    }

    @FunctionalInterface
    public interface SqlWork<T>
    {
        T run(Connection connection)
                throws SQLException;
    }
}
