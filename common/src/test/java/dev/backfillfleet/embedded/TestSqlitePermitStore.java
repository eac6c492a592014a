package dev.backfillfleet.embedded;

import dev.backfillfleet.warehouse.AbstractPermitStoreTest;
import dev.backfillfleet.warehouse.WindowedWriteGate;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class TestSqlitePermitStore
        extends AbstractPermitStoreTest
{
    @TempDir
    Path directory;
    private SqlitePermitStore sqliteStore;

    @Override
    protected WindowedWriteGate.PermitStore createStore()
    {
        sqliteStore = SqlitePermitStore.open(directory.resolve("state.db"));
        return sqliteStore;
    }

    @Override
    protected void closeStore()
    {
        sqliteStore.close();
    }
}
