package dev.backfillfleet.embedded;

import dev.backfillfleet.catalog.SqlDialect;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.PartitionWrite;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowMaker;
import dev.backfillfleet.warehouse.SelectedColumn;
import dev.backfillfleet.warehouse.StaleWriteException;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.warehouse.Warehouse;
import dev.backfillfleet.warehouse.WriteToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The embedded warehouse: one SQLite table per warehouse table, in a file shared by every
 * process. Replacing a partition deletes and inserts inside one write transaction, so a
 * reader sees the old partition or the new one and never a mix: the same guarantee as a
 * BigQuery WRITE_TRUNCATE load into {@code table$YYYYMMDD}. Timestamps are kept at
 * microsecond precision, as BigQuery keeps them.
 */
public final class SqliteWarehouse
        implements Warehouse, AutoCloseable
{
    private static final int ROWS_PER_INSERT = 64;
    // SQLite's default limit on the variables of one statement (SQLITE_MAX_VARIABLE_NUMBER, 32,766 since 3.32: https://www.sqlite.org/limits.html#max_variable_number), with room to spare
    private static final int MAX_VARIABLES = 30_000;
    private static final String LARGE_CACHE = "PRAGMA cache_size = -65536";

    private final SqliteDatabase database;
    private final SchemaCatalog catalog;
    private static final Logger log = LoggerFactory.getLogger(SqliteWarehouse.class);

    private final Map<TableRef, TableSchema> created = new ConcurrentHashMap<>();
    private volatile boolean fenceCreated;

    public SqliteWarehouse(SqliteDatabase database, SchemaCatalog catalog)
    {
        this.database = requireNonNull(database, "database is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    public static SqliteWarehouse open(Path file, SchemaCatalog catalog)
    {
        return new SqliteWarehouse(SqliteDatabase.open(file), catalog);
    }

    /** The warehouse for reading only: tables that do not exist read as empty, nothing is created. */
    public static SqliteWarehouse openReadOnly(Path file, SchemaCatalog catalog)
    {
        return new SqliteWarehouse(SqliteDatabase.readOnly(file), catalog);
    }

    @Override
    public List<Row> read(TableRef table, DateRange dates)
    {
        TableSchema schema = catalog.schema(table);
        return readPartitions(schema, dates, schema.columns());
    }

    @Override
    public List<Row> read(TableRef table, DateRange dates, List<String> columnNames)
    {
        // names only from the schema: no SQL from a caller's text
        TableSchema schema = catalog.schema(table);
        return readPartitions(schema, dates, schema.columns(columnNames));
    }

    private List<Row> readPartitions(TableSchema schema, DateRange dates, List<Column> columns)
    {
        TableRef table = schema.ref();
        String partitionColumn = schema.partitionColumn()
                .orElseThrow(() -> new IllegalArgumentException(table + " is not partitioned; use readAll"));
        if (!ensureReadable(schema)) {
            return List.of();
        }
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + columnList(columns) + " FROM " + sqlName(table) + " WHERE " + partitionColumn + " BETWEEN ? AND ? ORDER BY " + partitionColumn + ", rowid")) {
                statement.setString(1, dates.first().toString());
                statement.setString(2, dates.last().toString());
                return readRows(statement, columns);
            }
        });
    }

    @Override
    public List<Row> readAll(TableRef table)
    {
        TableSchema schema = catalog.schema(table);
        return readWhole(schema, schema.columns());
    }

    @Override
    public List<Row> readAll(TableRef table, List<String> columnNames)
    {
        TableSchema schema = catalog.schema(table);
        return readWhole(schema, schema.columns(columnNames));
    }

    private List<Row> readWhole(TableSchema schema, List<Column> columns)
    {
        TableRef table = schema.ref();
        if (!ensureReadable(schema)) {
            return List.of();
        }
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + columnList(columns) + " FROM " + sqlName(table) + " ORDER BY rowid")) {
                return readRows(statement, columns);
            }
        });
    }

    /**
     * Replaces the partition; a fenced write is refused when a later claim of the date (a lease
     * that started later) already wrote it, checked and recorded in the same transaction as the
     * write: a worker paused past its lease cannot overwrite its successor's rows.
     */
    @Override
    public long replacePartition(TableRef table, LocalDate date, List<Row> rows, WriteToken token)
    {
        TableSchema schema = catalog.schema(table);
        List<Row> validated = validate(schema, date, rows);
        ensureCreated(schema);
        ensureFenceTable();
        return database.write(connection -> {
            if (token.isFenced()) {
                fence(connection, table, date, token);
            }
            replace(connection, schema, Map.of(date, validated));
            return count(connection, table, schema.partitionColumn().orElseThrow(), date);
        });
    }

    private static void fence(Connection connection, TableRef table, LocalDate date, WriteToken token)
            throws SQLException
    {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT lease_started_at, attempt, writer FROM partition_writes WHERE table_name = ? AND partition_date = ?")) {
            select.setString(1, table.toString());
            select.setString(2, date.toString());
            try (ResultSet resultSet = select.executeQuery()) {
                if (resultSet.next() && resultSet.getLong(1) > token.leaseStartedAt().toEpochMilli()) {
                    throw new StaleWriteException(table + " " + date + " was written by a later claim (attempt " + resultSet.getInt(2) + " of "
                            + resultSet.getString(3) + ") than this one (attempt " + token.attempt() + " of " + token.writer() + "): this write is stale");
                }
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO partition_writes (table_name, partition_date, lease_started_at, attempt, writer, run_id) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (table_name, partition_date) DO UPDATE SET lease_started_at = excluded.lease_started_at,
                    attempt = excluded.attempt, writer = excluded.writer, run_id = excluded.run_id""")) {
            upsert.setString(1, table.toString());
            upsert.setString(2, date.toString());
            upsert.setLong(3, token.leaseStartedAt().toEpochMilli());
            upsert.setInt(4, token.attempt());
            upsert.setString(5, token.writer());
            upsert.setString(6, token.runId());
            upsert.executeUpdate();
        }
    }

    private void ensureFenceTable()
    {
        if (fenceCreated) {
            return;
        }
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS partition_writes (
                            table_name TEXT NOT NULL, partition_date TEXT NOT NULL, lease_started_at INTEGER NOT NULL,
                            attempt INTEGER NOT NULL, writer TEXT NOT NULL, run_id TEXT NOT NULL,
                            PRIMARY KEY (table_name, partition_date)) WITHOUT ROWID""");
            }
            return null;
        });
        fenceCreated = true;
    }

    @Override
    public void replacePartitions(TableRef table, Map<LocalDate, List<Row>> partitions)
    {
        TableSchema schema = catalog.schema(table);
        String partitionColumn = schema.partitionColumn()
                .orElseThrow(() -> new IllegalArgumentException(table + " is not partitioned; use replaceAll"));
        Map<LocalDate, List<Row>> validated = new LinkedHashMap<>();
        partitions.forEach((date, rows) -> validated.put(date, validate(schema, date, rows)));
        ensureCreated(schema);
        database.write(connection -> {
            useLargeCache(connection);
            replace(connection, schema, validated);
            return null;
        });
    }

    /**
     * A page cache of 64 MB on the writing connection (SQLite's default is 2 MB): a month of seeding
     * or an import spills pages to the WAL mid-transaction otherwise (https://www.sqlite.org/pragma.html#pragma_cache_size).
     */
    private static void useLargeCache(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(LARGE_CACHE);
        }
    }

    private static void replace(Connection connection, TableSchema schema, Map<LocalDate, List<Row>> partitions)
            throws SQLException
    {
        String partitionColumn = schema.partitionColumn().orElseThrow();
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + sqlName(schema.ref()) + " WHERE " + partitionColumn + " = ?")) {
            for (LocalDate date : partitions.keySet()) {
                delete.setString(1, date.toString());
                delete.addBatch();
            }
            delete.executeBatch();
        }
        insert(connection, schema, partitions.values().stream().flatMap(List::stream).toList());
    }

    private static long count(Connection connection, TableRef table, String partitionColumn, LocalDate date)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM " + sqlName(table) + " WHERE " + partitionColumn + " = ?")) {
            statement.setString(1, date.toString());
            try (ResultSet resultSet = statement.executeQuery()) {
                resultSet.next();
                return resultSet.getLong(1);
            }
        }
    }

    @Override
    public void replaceAll(TableRef table, List<Row> rows)
    {
        TableSchema schema = catalog.schema(table);
        List<Row> validated = rows.stream().map(schema::validate).toList();
        ensureCreated(schema);
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM " + sqlName(table));
            }
            insert(connection, schema, validated);
            return null;
        });
    }

    @Override
    public SqlDialect dialect()
    {
        return SqlDialect.EMBEDDED;
    }

    @Override
    public String sqlTableName(TableRef table)
    {
        return sqlName(table);
    }

    /**
     * Replaces the partition with what the catalog table's SELECT returns, in one transaction:
     * the partition emptied, {@code INSERT ... SELECT} its columns by name, then every row
     * checked to be of the date and of its column's type; anything else rolls it all back.
     */
    @Override
    public PartitionWrite replacePartitionWithSelect(TableRef table, LocalDate date, String catalogSelect, WriteToken token)
    {
        TableSchema schema = catalog.schema(table);
        String partitionColumn = schema.partitionColumn().orElseThrow(() -> new IllegalArgumentException(table + " is not partitioned"));
        ensureCreated(schema);
        ensureFenceTable();
        return database.write(connection -> {
            if (token.isFenced()) {
                fence(connection, table, date, token);
            }
            replace(connection, schema, Map.of(date, List.of()));
            long produced;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + sqlName(table) + " (" + columnList(schema) + ") SELECT " + columnList(schema) + " FROM (" + catalogSelect + ")")) {
                bindDate(insert, date);
                produced = insert.executeUpdate();
            }
            catch (SQLException e) {
                throw FleetException.permanentFailure(table + " " + date + ": the table's SQL failed on the embedded warehouse: " + e.getMessage());
            }
            long inPartition = count(connection, table, partitionColumn, date);
            if (inPartition != produced) {
                throw FleetException.permanentFailure(table + " " + date + ": the table's SQL returned " + produced + " rows, " + (produced - inPartition)
                        + " of them with a " + partitionColumn + " other than " + date + "; a date's SQL returns that date's rows only (filter on @date)");
            }
            requireColumnTypes(connection, schema, date);
            return new PartitionWrite(inPartition, produced);
        });
    }

    /** SQLite keeps any value in any column: the partition's values must be of the types the fleet reads back. */
    private static void requireColumnTypes(Connection connection, TableSchema schema, LocalDate date)
            throws SQLException
    {
        for (Column column : schema.columns()) {
            String check = "SELECT count(*), min(" + column.name() + ") FROM " + sqlName(schema.ref()) + " WHERE " + partitionColumn(schema)
                    + " = ? AND typeof(" + column.name() + ") NOT IN ('null', " + storageClasses(column.type()) + ")"
                    + (column.type() == ColumnType.DATE ? " OR (" + column.name() + " IS NOT NULL AND " + column.name() + " NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')" : "");
            try (PreparedStatement statement = connection.prepareStatement(check)) {
                statement.setString(1, date.toString());
                try (ResultSet resultSet = statement.executeQuery()) {
                    resultSet.next();
                    if (resultSet.getLong(1) > 0) {
                        throw FleetException.permanentFailure(schema.ref() + " " + date + ": the table's SQL gave column '" + column.name() + "' " + resultSet.getLong(1)
                                + " value(s) that are not " + column.type() + " (e.g. '" + resultSet.getString(2) + "')");
                    }
                }
            }
        }
    }

    /** The SQLite storage classes ({@code typeof}) that hold a value of the type as this warehouse writes it. */
    private static String storageClasses(ColumnType type)
    {
        return switch (type) {
            case STRING, NUMERIC, DATE -> "'text'";
            case INT64, BOOL, TIMESTAMP -> "'integer'";
            case FLOAT64 -> "'real', 'integer'";
        };
    }

    private static String partitionColumn(TableSchema schema)
    {
        return schema.partitionColumn().orElseThrow(() -> new IllegalArgumentException(schema.ref() + " is not partitioned"));
    }

    @Override
    public long selectCount(String select, LocalDate date)
    {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(select)) {
                bindDate(statement, date);
                try (ResultSet resultSet = statement.executeQuery()) {
                    if (!resultSet.next() || resultSet.getObject(1) == null || !(resultSet.getObject(1) instanceof Number number)
                            || number.doubleValue() != number.longValue()) {
                        throw FleetException.permanentFailure("expected_rows for " + date + " gave no whole number: " + select.strip());
                    }
                    return number.longValue();
                }
            }
            catch (SQLException e) {
                throw FleetException.permanentFailure("expected_rows for " + date + " failed on the embedded warehouse: " + e.getMessage());
            }
        });
    }

    /**
     * Prepares the SELECT in an empty in-memory database holding every table the catalog knows
     * (the tables of a catalog not applied yet included), by their names here: it compiles against
     * the tables' columns whatever this home holds, and nothing is read or written.
     */
    @Override
    public List<SelectedColumn> describeSelect(String catalogSelect)
    {
        try (Connection scratch = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement ddl = scratch.createStatement()) {
            for (TableSchema schema : catalog.all()) {
                ddl.execute("CREATE TABLE " + sqlName(schema.ref()) + " (" + columnDefinitions(schema) + ")");
            }
            try (PreparedStatement statement = scratch.prepareStatement("SELECT * FROM (" + catalogSelect + ") LIMIT 0")) {
                int parameters = statement.getParameterMetaData().getParameterCount();
                if (parameters > 1) {
                    throw FleetException.userError("the SQL has " + parameters + " parameters; it may use @date only");
                }
                ResultSetMetaData metaData = statement.getMetaData();
                List<SelectedColumn> columns = new ArrayList<>();
                for (int i = 1; i <= metaData.getColumnCount(); i++) {
                    // SQLite types values, not columns: a SELECT's column has no type to check before it runs
                    columns.add(new SelectedColumn(metaData.getColumnName(i), Optional.empty()));
                }
                return columns;
            }
            catch (SQLException e) {
                throw FleetException.userError("the SQL does not compile on the embedded warehouse: " + e.getMessage());
            }
        }
        catch (SQLException e) {
            throw FleetException.permanentFailure("cannot prepare an in-memory SQLite database to check the SQL: " + e.getMessage());
        }
    }

    /** Binds {@code @date}, the only parameter a catalog table's SQL may have (SQLite gives every {@code @date} one index). */
    private static void bindDate(PreparedStatement statement, LocalDate date)
            throws SQLException
    {
        int parameters = statement.getParameterMetaData().getParameterCount();
        if (parameters > 1) {
            throw FleetException.permanentFailure("the SQL has " + parameters + " parameters; it may use @date only");
        }
        if (parameters == 1) {
            statement.setString(1, date.toString());
        }
    }

    @Override
    public long countPartition(TableRef table, LocalDate date)
    {
        TableSchema schema = catalog.schema(table);
        String partitionColumn = schema.partitionColumn().orElseThrow(() -> new IllegalArgumentException(table + " is not partitioned"));
        if (!ensureReadable(schema)) {
            return 0;
        }
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(*) FROM " + sqlName(table) + " WHERE " + partitionColumn + " = ?")) {
                statement.setString(1, date.toString());
                try (ResultSet resultSet = statement.executeQuery()) {
                    resultSet.next();
                    return resultSet.getLong(1);
                }
            }
        });
    }

    /**
     * The table's columns: a table the fleet knows (a raw, built-in or catalog table) with its
     * schema's types when its columns are those, any other by its declared SQLite types (INTEGER
     * as INT64, REAL as FLOAT64, anything else as STRING: SQLite has no DATE, NUMERIC or BOOL).
     */
    @Override
    public Optional<List<Column>> describeTable(TableRef table)
    {
        List<String[]> declared = database.read(connection -> {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT name, type FROM pragma_table_info(?) ORDER BY cid")) {
                statement.setString(1, sqlName(table));
                try (ResultSet resultSet = statement.executeQuery()) {
                    while (resultSet.next()) {
                        columns.add(new String[] {resultSet.getString(1), resultSet.getString(2)});
                    }
                }
            }
            return columns;
        });
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = declared.stream().map(column -> column[0]).toList();
        Optional<TableSchema> known = catalog.all().stream().filter(schema -> schema.ref().equals(table) && schema.columnNames().equals(names)).findFirst();
        if (known.isPresent()) {
            return Optional.of(known.get().columns());
        }
        return Optional.of(declared.stream()
                .filter(column -> column[0].matches("[a-z][a-z0-9_]*"))
                .map(column -> Column.nullable(column[0], declaredType(column[1])))
                .toList());
    }

    /** SQLite's type affinity rules (https://www.sqlite.org/datatype3.html#determination_of_column_affinity), as far as the fleet's types go. */
    private static ColumnType declaredType(String declared)
    {
        String type = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
        if (type.contains("INT")) {
            return ColumnType.INT64;
        }
        if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
            return ColumnType.FLOAT64;
        }
        return ColumnType.STRING;
    }

    @Override
    public List<Row> readColumns(TableRef table, String dateColumn, DateRange dates, List<Column> columns)
    {
        List<Column> existing = describeTable(table).orElseThrow(() -> FleetException.userError("table " + table + " does not exist in the embedded warehouse"));
        // names only from the table itself: no SQL from a caller's text
        List<String> existingNames = existing.stream().map(Column::name).toList();
        for (String name : Stream.concat(Stream.of(dateColumn), columns.stream().map(Column::name)).toList()) {
            if (!existingNames.contains(name)) {
                throw new IllegalArgumentException(table + " has no column '" + name + "'");
            }
        }
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + columnList(columns) + " FROM " + sqlName(table) + " WHERE " + dateColumn + " BETWEEN ? AND ? ORDER BY " + dateColumn + ", rowid")) {
                statement.setString(1, dates.first().toString());
                statement.setString(2, dates.last().toString());
                RowMaker maker = new RowMaker(columns.stream().map(Column::name).toList());
                List<Row> rows = new ArrayList<>();
                try (ResultSet resultSet = statement.executeQuery()) {
                    while (resultSet.next()) {
                        Object[] values = new Object[columns.size()];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = existingValue(resultSet.getObject(i + 1), columns.get(i));
                        }
                        rows.add(maker.row(values));
                    }
                }
                return rows;
            }
        });
    }

    /** A stored value as its column's type reads it, unrounded; a value SQLite kept in another storage class than the type's stays as it was stored. */
    private static Object existingValue(Object raw, Column column)
    {
        if (raw == null) {
            return null;
        }
        try {
            return switch (column.type()) {
                case NUMERIC -> new BigDecimal(raw.toString());
                case INT64 -> raw instanceof Long || raw instanceof Integer ? ((Number) raw).longValue() : raw;
                case FLOAT64 -> raw instanceof Number number ? number.doubleValue() : raw;
                default -> readValue(raw, column, new HashMap<>());
            };
        }
        catch (RuntimeException e) {
            return raw;
        }
    }

    /** Whether the table holds any row; reads only (a table that does not exist holds none). */
    public boolean hasRows(TableRef table)
    {
        TableSchema schema = catalog.schema(table);
        if (!exists(schema)) {
            return false;
        }
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM " + sqlName(table) + " LIMIT 1");
                    ResultSet resultSet = statement.executeQuery()) {
                return resultSet.next();
            }
        });
    }

    private static List<Row> validate(TableSchema schema, LocalDate date, List<Row> rows)
    {
        String partitionColumn = schema.partitionColumn().orElseThrow();
        List<Row> validated = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Row checked = schema.validate(row);
            if (!date.equals(checked.getDate(partitionColumn))) {
                throw new IllegalArgumentException(schema.ref() + ": row for " + checked.get(partitionColumn) + " written to partition " + date);
            }
            validated.add(checked);
        }
        return validated;
    }

    /** Whether the table can be read: created if needed, or, read-only, whether it exists. */
    private boolean ensureReadable(TableSchema schema)
    {
        if (!database.isReadOnly()) {
            ensureCreated(schema);
            return true;
        }
        return exists(schema);
    }

    private boolean exists(TableSchema schema)
    {
        return schema.equals(created.get(schema.ref())) || database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
                statement.setString(1, sqlName(schema.ref()));
                try (ResultSet resultSet = statement.executeQuery()) {
                    boolean exists = resultSet.next();
                    if (exists) {
                        requireShape(connection, schema);
                        created.put(schema.ref(), schema);
                    }
                    return exists;
                }
            }
        });
    }

    /**
     * A raw or built-in table an earlier version of the fleet made holds other columns (before the
     * raw tables took the real tables' shapes and the outputs their names and NUMERIC types):
     * CREATE TABLE IF NOT EXISTS leaves it as it is, and every read would fail on a column it
     * lacks. Refused once, with what differs and the mend, instead. (A table of the applied
     * catalog is made again instead: see {@link #ensureCreated}.)
     */
    private void requireShape(Connection connection, TableSchema schema)
            throws SQLException
    {
        List<String> have = existingColumns(connection, schema.ref());
        List<String> wanted = columnShapes(schema);
        if (have.isEmpty() || have.equals(wanted) || !catalog.isFixed(schema.ref())) {
            return;
        }
        List<String> missing = wanted.stream().filter(column -> !have.contains(column)).toList();
        List<String> other = have.stream().filter(column -> !wanted.contains(column)).toList();
        Path file = database.file().toAbsolutePath().normalize();
        Path markers = file.resolveSibling("warehouse.seeded");
        throw FleetException.environment(file + ": table " + sqlName(schema.ref()) + " was made by an earlier version of the fleet"
                + (missing.isEmpty() ? "" : "; it lacks " + String.join(", ", missing))
                + (other.isEmpty() ? "" : "; it has " + String.join(", ", other) + " instead")
                + ". Move the warehouse aside: mv " + file + " " + file + ".old && rm -rf " + markers
                + "; the demo league is seeded again on first use (import real data again), then run the tables again with --force", null);
    }

    /**
     * Creates the table if it is missing. A catalog table whose definition changed its columns
     * since its table was made is made again, empty: its old rows do not fit, and every done date
     * of it is STALE (a newer definition version) until it is computed again.
     */
    private void ensureCreated(TableSchema schema)
    {
        if (schema.equals(created.get(schema.ref()))) {
            return;
        }
        database.write(connection -> {
            requireShape(connection, schema);
            List<String> existing = existingColumns(connection, schema.ref());
            try (Statement statement = connection.createStatement()) {
                if (!existing.isEmpty() && !existing.equals(columnShapes(schema))) {
                    log.warn("{}: its definition's columns changed ({} -> {}); the table is made again, empty", schema.ref(), existing, schema.columnNames());
                    statement.execute("DROP TABLE " + sqlName(schema.ref()));
                }
                statement.execute("CREATE TABLE IF NOT EXISTS " + sqlName(schema.ref()) + " (" + columnDefinitions(schema) + ")");
                if (schema.partitionColumn().isPresent()) {
                    statement.execute("CREATE INDEX IF NOT EXISTS " + sqlName(schema.ref()) + "_partition ON "
                            + sqlName(schema.ref()) + " (" + schema.partitionColumn().get() + ")");
                }
            }
            return null;
        });
        created.put(schema.ref(), schema);
    }

    /** The table's columns as "name TYPE", in order; none when it does not exist. */
    private static List<String> existingColumns(Connection connection, TableRef table)
            throws SQLException
    {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT name, type FROM pragma_table_info(?) ORDER BY cid")) {
            statement.setString(1, sqlName(table));
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    columns.add(resultSet.getString(1) + " " + resultSet.getString(2));
                }
            }
        }
        return columns;
    }

    private static List<String> columnShapes(TableSchema schema)
    {
        return schema.columns().stream().map(column -> column.name() + " " + sqlType(column)).toList();
    }

    private static void insert(Connection connection, TableSchema schema, List<Row> rows)
            throws SQLException
    {
        if (rows.isEmpty()) {
            return;
        }
        List<Column> columns = schema.columns();
        // several rows per INSERT: one statement step for ROWS_PER_INSERT rows instead of one per row
        int rowsPerInsert = Math.max(1, Math.min(ROWS_PER_INSERT, MAX_VARIABLES / columns.size()));
        int whole = rows.size() / rowsPerInsert * rowsPerInsert;
        // the driver's own statements, not the cache's proxy: compiling once per call is nothing next
        // to binding every value of every row through reflection
        Connection driver = connection.unwrap(Connection.class);
        // a partition's rows share their date: its text is made once (JFR: LocalDate.toString per row)
        Map<LocalDate, String> dates = new HashMap<>();
        if (whole > 0) {
            try (PreparedStatement statement = driver.prepareStatement(insertSql(schema, rowsPerInsert))) {
                for (int start = 0; start < whole; start += rowsPerInsert) {
                    bindRows(statement, schema, rows.subList(start, start + rowsPerInsert), dates);
                    statement.executeUpdate();
                }
            }
        }
        if (whole < rows.size()) {
            try (PreparedStatement statement = driver.prepareStatement(insertSql(schema, rows.size() - whole))) {
                bindRows(statement, schema, rows.subList(whole, rows.size()), dates);
                statement.executeUpdate();
            }
        }
    }

    private static String insertSql(TableSchema schema, int rowCount)
    {
        RowsOfMarks rows = new RowsOfMarks(schema.columns().size(), rowCount);
        return "INSERT INTO " + sqlName(schema.ref()) + " (" + columnList(schema) + ") VALUES " + placeholders(rows);
    }

    /** The shape of a multi-row INSERT's values: {@code rows} groups of {@code columns} marks. */
    private record RowsOfMarks(int columns, int rows) {}

    private static void bindRows(PreparedStatement statement, TableSchema schema, List<Row> rows, Map<LocalDate, String> dates)
            throws SQLException
    {
        List<Column> columns = schema.columns();
        int index = 1;
        for (Row row : rows) {
            for (int position = 0; position < columns.size(); position++) {
                bind(statement, index++, columns.get(position), schema.valueAt(row, position), dates);
            }
        }
    }

    private static void bind(PreparedStatement statement, int index, Column column, Object value, Map<LocalDate, String> dates)
            throws SQLException
    {
        if (value == null) {
            statement.setNull(index, Types.NULL);
            return;
        }
        switch (column.type()) {
            case STRING -> statement.setString(index, (String) value);
            case INT64 -> statement.setLong(index, (Long) value);
            case FLOAT64 -> statement.setDouble(index, (Double) value);
            // exact: the decimal's digits as text, at the column's scale (validated), never a REAL
            case NUMERIC -> statement.setString(index, ((BigDecimal) value).toPlainString());
            case BOOL -> statement.setInt(index, ((Boolean) value) ? 1 : 0);
            case DATE -> statement.setString(index, dates.computeIfAbsent((LocalDate) value, LocalDate::toString));
            case TIMESTAMP -> statement.setLong(index, toMicros((Instant) value));
        }
    }

    /** Reads the rows of a statement that selects {@code columns}, in that order. */
    private static List<Row> readRows(PreparedStatement statement, List<Column> columns)
            throws SQLException
    {
        // by position, one value at a time, and each distinct date parsed once: reading rows was
        // the largest share of the season's CPU time (JFR: readValue, two lookups by name per value)
        RowMaker maker = new RowMaker(columns.stream().map(Column::name).toList());
        Map<String, LocalDate> dates = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        try (ResultSet resultSet = statement.executeQuery()) {
            while (resultSet.next()) {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = readValue(resultSet.getObject(i + 1), columns.get(i), dates);
                }
                rows.add(maker.row(values));
            }
        }
        return rows;
    }

    private static Object readValue(Object raw, Column column, Map<String, LocalDate> dates)
    {
        if (raw == null) {
            return null;
        }
        return switch (column.type()) {
            case STRING -> raw.toString();
            case INT64 -> ((Number) raw).longValue();
            case FLOAT64 -> ((Number) raw).doubleValue();
            case NUMERIC -> column.normalize(new BigDecimal(raw.toString()));
            case BOOL -> ((Number) raw).intValue() != 0;
            case DATE -> dates.computeIfAbsent(raw.toString(), LocalDate::parse);
            case TIMESTAMP -> fromMicros(((Number) raw).longValue());
        };
    }

    private static long toMicros(Instant instant)
    {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static Instant fromMicros(long micros)
    {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static String sqlType(Column column)
    {
        return switch (column.type()) {
            case STRING, DATE, NUMERIC -> "TEXT";
            case INT64, BOOL, TIMESTAMP -> "INTEGER";
            case FLOAT64 -> "REAL";
        };
    }

    /**
     * The SQLite table of a catalog table: {@code dataset__table}. Table and column names are the
     * only text spliced into this class's SQL, and they come from the {@link SchemaCatalog} (a
     * {@link TableRef} admits lower snake case only); every value is a query parameter.
     */
    private static String sqlName(TableRef table)
    {
        return table.dataset() + "__" + table.table();
    }

    /** {@code name TYPE [NOT NULL], ...} of the schema's columns. */
    private static String columnDefinitions(TableSchema schema)
    {
        return schema.columns().stream()
                .map(column -> column.name() + " " + sqlType(column) + (column.nullable() ? "" : " NOT NULL"))
                .collect(Collectors.joining(", "));
    }

    /** The schema's column names, in order. */
    private static String columnList(TableSchema schema)
    {
        return String.join(", ", schema.columnNames());
    }

    /** Columns of a table's schema, as looked up in it. */
    private static String columnList(List<Column> columns)
    {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }

    /** {@code ?, ?, ?}: query parameters, never values. */
    private static String placeholders(int count)
    {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** {@code (?, ?), (?, ?)}: marks only, for the values bound to a multi-row INSERT. */
    private static String placeholders(RowsOfMarks shape)
    {
        return String.join(", ", Collections.nCopies(shape.rows(), "(" + placeholders(shape.columns()) + ")"));
    }

    @Override
    public void close()
    {
        database.close();
    }
}
