package dev.backfillfleet.embedded;

import dev.backfillfleet.catalog.AppliedCatalog;
import dev.backfillfleet.catalog.CatalogEntry;
import dev.backfillfleet.catalog.CatalogStore;
import dev.backfillfleet.catalog.StoredDefinitions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The applied catalog in the embedded state file: one row for the catalog version and one per
 * user table, rewritten together in one transaction that first checks the version it replaces.
 */
public final class SqliteCatalogStore
        implements CatalogStore
{
    static final String[] SCHEMA = {"""
            CREATE TABLE IF NOT EXISTS catalog_version (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                version INTEGER NOT NULL,
                applied_at INTEGER NOT NULL,
                applied_by TEXT NOT NULL,
                source TEXT NOT NULL
            )""", """
            CREATE TABLE IF NOT EXISTS catalog_table (
                table_name TEXT PRIMARY KEY,
                version INTEGER NOT NULL,
                definition TEXT NOT NULL
            ) WITHOUT ROWID"""};

    private final SqliteDatabase database;

    public SqliteCatalogStore(SqliteDatabase database)
    {
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public Optional<AppliedCatalog> read()
    {
        return database.read(SqliteCatalogStore::read);
    }

    private static Optional<AppliedCatalog> read(Connection connection)
            throws SQLException
    {
        if (!SqliteTables.exists(connection, "catalog_version")) {
            return Optional.empty();
        }
        try (Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("SELECT version, applied_at, applied_by, source FROM catalog_version WHERE id = 1")) {
            if (!version.next()) {
                return Optional.empty();
            }
            List<CatalogEntry> tables = new ArrayList<>();
            try (Statement each = connection.createStatement();
                    ResultSet rows = each.executeQuery("SELECT table_name, version, definition FROM catalog_table ORDER BY table_name")) {
                while (rows.next()) {
                    tables.add(new CatalogEntry(StoredDefinitions.read(rows.getString(1), rows.getString(3)), rows.getLong(2)));
                }
            }
            return Optional.of(new AppliedCatalog(version.getLong(1), Instant.ofEpochMilli(version.getLong(2)), version.getString(3), version.getString(4), tables));
        }
    }

    @Override
    public void write(AppliedCatalog next)
    {
        database.write(connection -> {
            long stored = read(connection).map(AppliedCatalog::version).orElse(0L);
            if (stored != next.version() - 1) {
                throw StoredDefinitions.concurrentApply(next.version() - 1, stored);
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM catalog_table");
            }
            try (PreparedStatement version = connection.prepareStatement(
                    "INSERT INTO catalog_version (id, version, applied_at, applied_by, source) VALUES (1, ?, ?, ?, ?) "
                            + "ON CONFLICT (id) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at, "
                            + "applied_by = excluded.applied_by, source = excluded.source")) {
                version.setLong(1, next.version());
                version.setLong(2, next.appliedAt().toEpochMilli());
                version.setString(3, next.appliedBy());
                version.setString(4, next.source());
                version.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO catalog_table (table_name, version, definition) VALUES (?, ?, ?)")) {
                for (CatalogEntry entry : next.userTables()) {
                    insert.setString(1, entry.name());
                    insert.setLong(2, entry.version());
                    insert.setString(3, StoredDefinitions.write(entry.definition()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }
}
