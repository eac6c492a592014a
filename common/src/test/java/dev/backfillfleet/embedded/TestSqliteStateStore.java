package dev.backfillfleet.embedded;

import dev.backfillfleet.state.AbstractStateStoreTest;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.testing.TestingClock;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class TestSqliteStateStore
        extends AbstractStateStoreTest
{
    @TempDir
    Path directory;
    private SqliteStateStore sqliteStore;

    @Override
    protected StateStore createStore(TestingClock clock)
    {
        sqliteStore = SqliteStateStore.open(directory.resolve("state.db"), clock);
        return sqliteStore;
    }

    @Override
    protected void closeStore()
    {
        sqliteStore.close();
    }
}
