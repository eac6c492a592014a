package dev.backfillfleet.embedded;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.AbstractWarehouseTest;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

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
    void numericValuesReadBackExactlyWithTheirScale()
    {
        TableSchema payouts = TableSchema.partitioned(new TableRef("test_data", "payouts"), "game_date",
                List.of(Column.required("game_date", ColumnType.DATE), Column.nullable("amount", ColumnType.NUMERIC)));
        List<BigDecimal> amounts = List.of(new BigDecimal("99999999999999999999999999999.999999999"), new BigDecimal("0.10"), new BigDecimal("-7"));
        try (SqliteWarehouse numeric = SqliteWarehouse.open(directory.resolve("numeric.db"), new SchemaCatalog(List.of(payouts)))) {
            numeric.replacePartition(payouts.ref(), DAY, amounts.stream().map(amount -> Row.builder().set("game_date", DAY).set("amount", amount).build()).toList());
            assertThat(numeric.read(payouts.ref(), DateRange.single(DAY))).extracting(row -> row.get("amount")).containsExactlyElementsOf(amounts);
        }
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
