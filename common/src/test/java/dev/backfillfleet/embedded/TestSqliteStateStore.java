package dev.backfillfleet.embedded;

import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.state.AbstractStateStoreTest;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.testing.TestingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestSqliteStateStore
        extends AbstractStateStoreTest
{
    @TempDir
    Path directory;
    private TransitioningStateStore sqliteStore;

    @Override
    protected StateStore createStore(TestingClock clock)
    {
        sqliteStore = new TransitioningStateStore(SqliteStateStorage.open(directory.resolve("state.db"), clock));
        return sqliteStore;
    }

    @Override
    protected void closeStore()
    {
        sqliteStore.close();
    }

    // the count of live leases runs before every claim: it must read the running dates only, not
    // every date of the table, or a worker slows down as the backlog grows
    @Test
    void liveLeaseCountReadsOnlyRunningDates()
            throws Exception
    {
        StateStore store = createStore(new TestingClock());
        store.enqueue(List.of(new DateKey(AnalyticsTable.SYNTHETIC, LocalDate.parse("2024-11-01"))), "run-1", EnqueuePolicy.NORMAL);
        closeStore();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("state.db"));
                ResultSet plan = connection.createStatement().executeQuery("EXPLAIN QUERY PLAN " + SqliteStateStorage.COUNT_LIVE_LEASES)) {
            assertThat(plan.next()).isTrue();
            assertThat(plan.getString("detail")).contains("INDEX date_state_live_leases");
        }
    }

    // watch or a test started beside a run can open state.db between its creation and its schema
    @Test
    void readOnlyStoreOnAFileWithoutItsSchemaYetReadsEmptyThenFollowsTheWriter()
            throws Exception
    {
        Path file = directory.resolve("state.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            connection.createStatement().execute("PRAGMA journal_mode=WAL");
        }
        try (TransitioningStateStore reader = new TransitioningStateStore(SqliteStateStorage.openReadOnly(file, new TestingClock()))) {
            assertThat(reader.countByState(AnalyticsTable.SYNTHETIC, java.util.Optional.empty())).isEmpty();

            StateStore writer = createStore(new TestingClock());
            writer.enqueue(List.of(new DateKey(AnalyticsTable.SYNTHETIC, LocalDate.parse("2024-11-01"))), "run-1", EnqueuePolicy.NORMAL);
            assertThat(reader.countByState(AnalyticsTable.SYNTHETIC, java.util.Optional.empty()))
                    .containsEntry(dev.backfillfleet.domain.DateState.QUEUED, 1L);
            closeStore();
        }
    }
}
