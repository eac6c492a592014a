package dev.backfillfleet.embedded;

import dev.backfillfleet.state.AbstractTablePausesTest;
import dev.backfillfleet.state.TablePauses;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class TestSqliteTablePauses
        extends AbstractTablePausesTest
{
    @TempDir
    Path directory;
    private SqliteDatabase database;

    @Override
    protected TablePauses createPauses()
    {
        database = StateDatabase.open(directory.resolve("state.db"));
        return new SqliteTablePauses(database);
    }

    @Override
    protected void closePauses()
    {
        database.close();
    }
}
