package dev.backfillfleet.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

final class SqliteTables
{
    private SqliteTables() {}

    /** A table a store made may be missing from an older file opened read-only (nothing upgrades it then): it reads as empty. */
    static boolean exists(Connection connection, String name)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            statement.setString(1, name);
            try (ResultSet resultSet = statement.executeQuery()) {
                return resultSet.next();
            }
        }
    }
}
