package dev.backfillfleet.embedded;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a connection's prepared statements for reuse. Compiling a statement is a third of the
 * time SQLite spends per date on the worker's path (measured with JFR: {@code NativeDB.prepare_utf8}
 * in 230 of 617 native samples), and sqlite-jdbc compiles on every {@code prepareStatement}.
 *
 * <p>{@link #wrap} returns the connection as a proxy whose {@code prepareStatement(String)} hands
 * out a cached statement; closing it returns it to the cache instead of finalizing it, so the
 * adapters keep their plain try-with-resources code. A statement already handed out and not yet
 * closed (the same SQL nested in one transaction) is not shared: the second caller gets a fresh,
 * uncached one. The cache is bounded, least recently used first out, because some SQL is built per
 * call. Not thread-safe: {@link SqliteDatabase} uses each connection under its lock only.
 */
final class StatementCache
{
    private static final int MAX_STATEMENTS = 64;

    private final Connection connection;
    private final Map<String, Entry> statements = new LinkedHashMap<>(16, 0.75f, true);

    private StatementCache(Connection connection)
    {
        this.connection = connection;
    }

    static Connection wrap(Connection connection)
    {
        StatementCache cache = new StatementCache(connection);
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(), new Class<?>[] {Connection.class}, cache::onConnection);
    }

    private Object onConnection(Object proxy, Method method, Object[] arguments)
            throws Throwable
    {
        if (method.getName().equals("prepareStatement") && method.getParameterCount() == 1) {
            return prepare((String) arguments[0]);
        }
        if (method.getName().equals("close")) {
            closeAll();
        }
        return invoke(connection, method, arguments);
    }

    private PreparedStatement prepare(String sql)
            throws SQLException
    {
        Entry entry = statements.get(sql);
        if (entry == null) {
            entry = new Entry(sql, connection.prepareStatement(sql));
            statements.put(sql, entry);
            evictBeyondBound();
        }
        else if (entry.inUse) {
            return connection.prepareStatement(sql);
        }
        entry.inUse = true;
        return entry.proxy;
    }

    private void evictBeyondBound()
            throws SQLException
    {
        var oldest = statements.entrySet().iterator();
        while (statements.size() > MAX_STATEMENTS && oldest.hasNext()) {
            Entry entry = oldest.next().getValue();
            if (!entry.inUse) {
                entry.statement.close();
                oldest.remove();
            }
        }
    }

    private void closeAll()
            throws SQLException
    {
        for (Entry entry : statements.values()) {
            entry.statement.close();
        }
        statements.clear();
    }

    private static Object invoke(Object target, Method method, Object[] arguments)
            throws Throwable
    {
        try {
            return method.invoke(target, arguments);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * A cached statement and the proxy handed out for it, whose close gives it back. A statement
     * that failed (a full disk, a busy file) is closed on its way back, not cached: sqlite-jdbc can
     * leave it in a state where its next use fails ("statement is not executing").
     */
    private final class Entry
            implements InvocationHandler
    {
        private final String sql;
        private final PreparedStatement statement;
        private final PreparedStatement proxy;
        private boolean inUse;
        private boolean failed;

        Entry(String sql, PreparedStatement statement)
        {
            this.sql = sql;
            this.statement = statement;
            this.proxy = (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments)
                throws Throwable
        {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                giveBack();
                return null;
            }
            if (method.getName().equals("isClosed") && method.getParameterCount() == 0) {
                return !inUse;
            }
            try {
                return method.invoke(statement, arguments);
            }
            catch (InvocationTargetException e) {
                failed = true;
                throw e.getCause();
            }
        }

        private void giveBack()
                throws SQLException
        {
            if (!inUse) {
                return;
            }
            inUse = false;
            if (failed) {
                statements.remove(sql, this);
                statement.close();
                return;
            }
            // leave it as a fresh statement would be: no pending batch, no bound values (sqlite-jdbc
            // resets the statement, closing any result set left open, when it next executes)
            statement.clearBatch();
            statement.clearParameters();
        }
    }
}
