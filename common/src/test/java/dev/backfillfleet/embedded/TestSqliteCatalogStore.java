package dev.backfillfleet.embedded;

import dev.backfillfleet.catalog.AbstractCatalogStoreTest;
import dev.backfillfleet.catalog.CatalogStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestSqliteCatalogStore
        extends AbstractCatalogStoreTest
{
    @TempDir
    Path directory;
    private SqliteDatabase database;

    @Override
    protected CatalogStore createStore()
    {
        database = StateDatabase.open(directory.resolve("state.db"));
        return new SqliteCatalogStore(database);
    }

    @Override
    protected void closeStore()
    {
        database.close();
    }

    @Test
    void aFileOpenedForReadingOnlyThatDoesNotExistHasNoCatalogAndStaysAbsent()
    {
        Path missing = directory.resolve("missing.db");
        try (SqliteDatabase readOnly = StateDatabase.readOnly(missing)) {
            assertThat(new SqliteCatalogStore(readOnly).read()).isEmpty();
        }
        assertThat(missing).doesNotExist();
    }
}
