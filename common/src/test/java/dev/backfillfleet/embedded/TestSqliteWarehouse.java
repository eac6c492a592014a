package dev.backfillfleet.embedded;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.AbstractWarehouseTest;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TestSqliteWarehouse
        extends AbstractWarehouseTest
{
    private static final TableRef SYNTHETIC = AnalyticsSchemas.ref(AnalyticsTable.SYNTHETIC);
    private static final LocalDate DAY = LocalDate.parse("2024-11-05");

    @TempDir
    Path directory;
    private SqliteWarehouse sqliteWarehouse;

    @Override
    protected Warehouse createWarehouse()
    {
        sqliteWarehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard());
        return sqliteWarehouse;
    }

    @Override
    protected void closeWarehouse()
    {
        sqliteWarehouse.close();
    }

    /** It compares the claim's lease start with the partition's last fenced write's, in the write's transaction. */
    @Override
    protected boolean refusesStaleWrites()
    {
        return true;
    }

    @Override
    protected boolean keepsTheFirstWriteOfAToken()
    {
        return false;
    }

    @Test
    void aReadOnlyWarehouseCreatesNoFileAndReadsAMissingTableAsEmpty()
    {
        Path file = directory.resolve("absent").resolve("warehouse.db");
        try (SqliteWarehouse readOnly = SqliteWarehouse.openReadOnly(file, SchemaCatalog.standard())) {
            assertThat(readOnly.read(SYNTHETIC, DateRange.single(DAY))).isEmpty();
            assertThat(readOnly.countPartition(SYNTHETIC, DAY)).isZero();
        }
        assertThat(Files.exists(file.getParent())).as("nothing created").isFalse();
    }
}
