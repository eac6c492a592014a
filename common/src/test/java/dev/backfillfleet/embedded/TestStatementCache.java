package dev.backfillfleet.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestStatementCache
{
    @TempDir
    Path directory;

    @Test
    void closedStatementIsHandedOutAgainWithoutItsOldBindings()
            throws Exception
    {
        try (Connection connection = open()) {
            PreparedStatement first = connection.prepareStatement("SELECT ?");
            first.setInt(1, 7);
            assertThat(single(first)).isEqualTo(7);
            first.close();

            PreparedStatement second = connection.prepareStatement("SELECT ?");
            assertThat(second).isSameAs(first);
            assertThat(second.isClosed()).isFalse();
            second.setInt(1, 8);
            assertThat(single(second)).isEqualTo(8);
            second.close();
        }
    }

    @Test
    void statementStillInUseIsNotShared()
            throws Exception
    {
        try (Connection connection = open()) {
            try (PreparedStatement outer = connection.prepareStatement("SELECT ?");
                    PreparedStatement inner = connection.prepareStatement("SELECT ?")) {
                assertThat(inner).isNotSameAs(outer);
                outer.setInt(1, 1);
                inner.setInt(1, 2);
                assertThat(single(outer)).isEqualTo(1);
                assertThat(single(inner)).isEqualTo(2);
            }
        }
    }

    @Test
    void cacheIsBoundedAndStatementsWorkAfterEviction()
            throws Exception
    {
        try (Connection connection = open()) {
            List<PreparedStatement> handedOut = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT " + i)) {
                    assertThat(single(statement)).isEqualTo(i);
                    handedOut.add(statement);
                }
            }
            // the first statements were evicted: asking again compiles a new one
            try (PreparedStatement again = connection.prepareStatement("SELECT 0")) {
                assertThat(again).isNotSameAs(handedOut.get(0));
                assertThat(single(again)).isZero();
            }
            // the most recent ones are still cached
            try (PreparedStatement again = connection.prepareStatement("SELECT 199")) {
                assertThat(again).isSameAs(handedOut.get(199));
            }
        }
    }

    @Test
    void pendingBatchIsDroppedWhenTheStatementIsGivenBack()
            throws Exception
    {
        try (Connection connection = open()) {
            connection.createStatement().execute("CREATE TABLE t (v INTEGER)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
                insert.setInt(1, 1);
                insert.addBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
                insert.setInt(1, 2);
                insert.addBatch();
                insert.executeBatch();
            }
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM t")) {
                assertThat(single(count)).isEqualTo(1);
            }
        }
    }

    @Test
    void statementThatFailedIsNotHandedOutAgain()
            throws Exception
    {
        try (Connection connection = open()) {
            connection.createStatement().execute("CREATE TABLE t (v INTEGER PRIMARY KEY)");
            PreparedStatement failed = connection.prepareStatement("INSERT INTO t VALUES (?)");
            failed.setInt(1, 1);
            failed.executeUpdate();
            failed.setInt(1, 1);
            org.assertj.core.api.Assertions.assertThatThrownBy(failed::executeUpdate).isInstanceOf(java.sql.SQLException.class);
            failed.close();

            try (PreparedStatement again = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
                assertThat(again).isNotSameAs(failed);
                again.setInt(1, 2);
                assertThat(again.executeUpdate()).isOne();
            }
        }
    }

    private Connection open()
            throws Exception
    {
        return StatementCache.wrap(new SQLiteConfig().createConnection("jdbc:sqlite:" + directory.resolve("cache.db")));
    }

    private static int single(PreparedStatement statement)
            throws Exception
    {
        try (ResultSet resultSet = statement.executeQuery()) {
            assertThat(resultSet.next()).isTrue();
            return resultSet.getInt(1);
        }
    }
}
