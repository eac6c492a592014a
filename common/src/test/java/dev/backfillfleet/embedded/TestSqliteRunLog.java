package dev.backfillfleet.embedded;

import dev.backfillfleet.state.AbstractRunLogTest;
import dev.backfillfleet.state.RunLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestSqliteRunLog
        extends AbstractRunLogTest
{
    @TempDir
    Path directory;
    private SqliteDatabase database;

    @Override
    protected RunLog createRunLog()
    {
        database = StateDatabase.open(directory.resolve("state.db"));
        return new SqliteRunLog(database);
    }

    @Override
    protected void closeRunLog()
    {
        database.close();
    }

    // status and runs of a home that has no state.db yet read it read-only: it reads as empty and is not created
    @Test
    void aStateFileThatDoesNotExistReadsAsNoRuns()
    {
        Path absent = directory.resolve("absent").resolve("state.db");
        try (SqliteDatabase readOnly = StateDatabase.readOnly(absent)) {
            assertThat(new SqliteRunLog(readOnly).runs(10)).isEmpty();
            assertThat(new SqliteTablePauses(readOnly).pausedTables()).isEmpty();
        }
        assertThat(absent.getParent()).doesNotExist();
    }
}
