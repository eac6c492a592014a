package dev.backfillfleet.embedded;

import dev.backfillfleet.domain.FleetException;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite file shared by every process on the machine. WAL lets readers run beside the one
 * writer; writes take the file's write lock up front (BEGIN IMMEDIATE) and wait for it with a
 * busy timeout ({@link SqliteBusyWait}, which tries again within a millisecond), so concurrent
 * read-modify-write transactions from several processes serialise instead of failing. Within a process, writes share one connection under a lock and reads
 * another, so that progress queries never wait behind the write path.
 */
public final class SqliteDatabase
        implements AutoCloseable
{
    private static final int BUSY_TIMEOUT_MILLIS = 60_000;

    private final Path file;
    private final List<String> schema;
    private final boolean readOnly;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private Connections connections;

    private SqliteDatabase(Path file, List<String> schema, boolean readOnly)
    {
        this.file = file;
        this.schema = List.copyOf(schema);
        this.readOnly = readOnly;
    }

    /**
     * The database in {@code file}, created with {@code schema} on first use: building one does
     * no I/O, so that wiring a process touches no file it does not use.
     */
    public static SqliteDatabase open(Path file, String... schema)
    {
        return new SqliteDatabase(file, List.of(schema), false);
    }

    /**
     * The database in {@code file} without the right to change it, for dry runs and the verbs
     * that only read. Nothing is created: while the file does not exist, reads see an empty
     * database with {@code schema}, kept in memory.
     */
    public static SqliteDatabase readOnly(Path file, String... schema)
    {
        return new SqliteDatabase(file, List.of(schema), true);
    }

    private synchronized Connections connections()
    {
        if (connections == null || (readOnly && !connections.source().equals(FileSignature.of(file)))) {
            Connections previous = connections;
            connections = readOnly ? openReadOnly() : openReadWrite();
            if (previous != null) {
                previous.close();
            }
        }
        return connections;
    }

    private Connections openReadWrite()
    {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        catch (IOException e) {
            throw FleetException.environment("cannot create the directory " + file.toAbsolutePath().getParent() + " ($BACKFILL_HOME): " + e, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        Connection writer = connect("jdbc:sqlite:" + file.toAbsolutePath(), config);
        Connections opened = new Connections(writer, connect("jdbc:sqlite:" + file.toAbsolutePath(), config), FileSignature.WAL);
        applySchema(writer, true);
        return opened;
    }

    private Connections openReadOnly()
    {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        if (!Files.exists(file)) {
            Connection memory = connect("jdbc:sqlite::memory:", config);
            applySchema(memory, false);
            return new Connections(memory, memory, FileSignature.ABSENT);
        }
        config.setReadOnly(true);
        FileSignature source = FileSignature.of(file);
        // a writer is active (or crashed): read through the WAL like any reader; else the file is
        // the whole truth and immutable=1 reads it without creating -wal/-shm files (a change to
        // the file, seen by its signature, opens it again: watch follows a run)
        String url = source.walExists() ? "jdbc:sqlite:" + file.toAbsolutePath() : "jdbc:sqlite:file:" + file.toAbsolutePath() + "?immutable=1";
        Connection reader = connect(url, config);
        if (!hasTables(reader)) {
            // a writer created the file and has not committed its schema yet: read an empty
            // database with the schema until it has (the next read looks again)
            closeQuietly(reader);
            Connection memory = connect("jdbc:sqlite::memory:", new SQLiteConfig());
            applySchema(memory, false);
            return new Connections(memory, memory, FileSignature.NOT_READY);
        }
        return new Connections(reader, reader, source.walExists() ? FileSignature.WAL : source);
    }

    private void applySchema(Connection connection, boolean immediate)
    {
        try {
            execute(connection, immediate ? "BEGIN IMMEDIATE" : "BEGIN");
            try (Statement statement = connection.createStatement()) {
                for (String sql : schema) {
                    try {
                        statement.execute(sql);
                    }
                    catch (SQLException e) {
                        // a schema step that adds a column a newer file already has: nothing to do
                        if (!(sql.startsWith("ALTER TABLE") && String.valueOf(e.getMessage()).contains("duplicate column name"))) {
                            throw e;
                        }
                    }
                }
            }
            execute(connection, "COMMIT");
        }
        catch (SQLException e) {
            rollbackQuietly(connection);
            throw translate(e);
        }
    }

    private boolean hasTables(Connection connection)
    {
        try (java.sql.PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1");
                java.sql.ResultSet resultSet = statement.executeQuery()) {
            return resultSet.next();
        }
        catch (SQLException e) {
            throw translate(e);
        }
    }

    private static void closeQuietly(Connection connection)
    {
        try {
            connection.close();
        }
        catch (SQLException ignored) {
            // a connection that only read: nothing is lost
        }
    }

    private Connection connect(String url, SQLiteConfig config)
    {
        try {
            Connection connection = config.createConnection(url);
            BusyHandler.setHandler(connection, new SqliteBusyWait(Duration.ofMillis(BUSY_TIMEOUT_MILLIS)));
            return StatementCache.wrap(connection);
        }
        catch (SQLException e) {
            throw translate(e);
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

    /**
     * SQLite's {@code PRAGMA quick_check}: {@code ["ok"]} for an intact file, else what is wrong
     * (https://www.sqlite.org/pragma.html#pragma_quick_check). Opened read-only, it changes nothing.
     */
    public List<String> quickCheck()
    {
        return read(connection -> {
            List<String> answers = new java.util.ArrayList<>();
            try (Statement statement = connection.createStatement();
                    java.sql.ResultSet resultSet = statement.executeQuery("PRAGMA quick_check")) {
                while (resultSet.next()) {
                    answers.add(resultSet.getString(1));
                }
            }
            return answers;
        });
    }

    /** Runs a read-modify-write transaction holding the file's write lock from the start. */
    public <T> T write(SqlWork<T> work)
    {
        if (readOnly) {
            throw new IllegalStateException("database opened read-only: " + file);
        }
        lock.lock();
        try {
            Connection connection = connections().writer();
            execute(connection, "BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                T result = work.run(connection);
                execute(connection, "COMMIT");
                committed = true;
                return result;
            }
            finally {
                if (!committed) {
                    rollbackQuietly(connection);
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
            Connection readConnection = connections().reader();
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

    private static void execute(Connection target, String sql)
            throws SQLException
    {
        // prepared, so that BEGIN and COMMIT come from the statement cache like the rest
        try (java.sql.PreparedStatement statement = target.prepareStatement(sql)) {
            statement.execute();
        }
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

    /**
     * A busy database is transient; a full disk, an I/O error, a read-only or unopenable file and a
     * file that is not a database (or is corrupt) are the environment's fault, named with the fix:
     * every date would fail the same way (https://www.sqlite.org/rescode.html).
     */
    private FleetException translate(SQLException e)
    {
        if (e instanceof SQLiteException sqliteException) {
            String code = sqliteException.getResultCode().name();
            if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
                return FleetException.transientFailure("SQLite database busy: " + file, e);
            }
            String where = file.toAbsolutePath().normalize().toString();
            if (code.startsWith("SQLITE_FULL")) {
                return FleetException.environment("the disk holding " + where + " is full: free some space and run the command again", e);
            }
            if (code.startsWith("SQLITE_IOERR")) {
                return FleetException.environment("I/O error on " + where + " (" + code + "): check the disk; 'coordinator doctor' checks the file", e);
            }
            if (code.startsWith("SQLITE_READONLY")) {
                return FleetException.environment(where + " is read-only: this command writes; make $BACKFILL_HOME writable or use a read-only verb", e);
            }
            if (code.startsWith("SQLITE_CANTOPEN")) {
                return FleetException.environment("cannot open " + where + ": check that its directory exists and is writable ($BACKFILL_HOME)", e);
            }
            if (code.startsWith("SQLITE_NOTADB") || code.startsWith("SQLITE_CORRUPT")) {
                return FleetException.environment(where + " is not a SQLite database or is corrupt: move it aside (or delete $BACKFILL_HOME to start over);"
                        + " 'coordinator doctor' checks the files", e);
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
            synchronized (this) {
                if (connections != null) {
                    connections.close();
                    connections = null;
                }
            }
        }
        finally {
            readLock.unlock();
            lock.unlock();
        }
    }

    /**
     * What a read-only connection was opened on: the file's size and modification time, or that
     * it did not exist, or that a writer's WAL was there (then the connection sees every change).
     */
    private record FileSignature(long size, long modified)
    {
        static final FileSignature ABSENT = new FileSignature(-1, -1);
        static final FileSignature WAL = new FileSignature(-2, -2);
        // never what of() returns: a database opened on it is opened again at the next read
        static final FileSignature NOT_READY = new FileSignature(-3, -3);

        static FileSignature of(Path file)
        {
            try {
                if (Files.exists(file.resolveSibling(file.getFileName() + "-wal"))) {
                    return WAL;
                }
                if (!Files.exists(file)) {
                    return ABSENT;
                }
                return new FileSignature(Files.size(file), Files.getLastModifiedTime(file).toMillis());
            }
            catch (IOException e) {
                return ABSENT;
            }
        }

        boolean walExists()
        {
            return this == WAL;
        }
    }

    /** The writer and the reader (the same connection when read-only), and what a read-only one was opened on. */
    private record Connections(Connection writer, Connection reader, FileSignature source)
    {
        void close()
        {
            try {
                writer.close();
                if (reader != writer) {
                    reader.close();
                }
            }
            catch (SQLException e) {
                throw new FleetException(dev.backfillfleet.domain.ErrorClass.PERMANENT, "cannot close SQLite database: " + e.getMessage(), e);
            }
        }
    }

    @FunctionalInterface
    public interface SqlWork<T>
    {
        T run(Connection connection)
                throws SQLException;
    }
}
