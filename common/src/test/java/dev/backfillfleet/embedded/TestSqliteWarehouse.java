package dev.backfillfleet.embedded;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void numericValuesReadBackExactlyAtTheColumnsScale()
    {
        TableSchema payouts = TableSchema.partitioned(new TableRef("test_data", "payouts"), "game_date",
                List.of(Column.required("game_date", ColumnType.DATE), Column.nullable("amount", ColumnType.NUMERIC)));
        List<BigDecimal> amounts = List.of(new BigDecimal("99999999999999999999999999999.999999999"), new BigDecimal("0.10"), new BigDecimal("-7"));
        try (SqliteWarehouse numeric = SqliteWarehouse.open(directory.resolve("numeric.db"), new SchemaCatalog(List.of(payouts)))) {
            numeric.replacePartition(payouts.ref(), DAY, amounts.stream().map(amount -> Row.builder().set("game_date", DAY).set("amount", amount).build()).toList());
            // a plain NUMERIC is NUMERIC(38, 9): every value comes back with 9 decimals, equal in value to what was written
            assertThat(numeric.read(payouts.ref(), DateRange.single(DAY))).extracting(row -> row.get("amount")).containsExactly(
                    new BigDecimal("99999999999999999999999999999.999999999"), new BigDecimal("0.100000000"), new BigDecimal("-7.000000000"));
        }
    }

    @Test
    void aNumericIsStoredAsItsDecimalTextNeverAsABinaryFloat()
            throws Exception
    {
        numericColumnsKeepExactDecimalsAtTheirScale();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("warehouse.db"));
                java.sql.ResultSet result = connection.createStatement().executeQuery(
                        "SELECT typeof(offensive_rating), offensive_rating, typeof(possessions) FROM nba_analytics__team_offense_game_summary")) {
            assertThat(result.next()).isTrue();
            assertThat(List.of(result.getString(1), result.getString(2), result.getString(3))).containsExactly("text", "9999.99", "real");
        }
    }

    @Test
    void aTableAnEarlierVersionMadeWithOtherColumnsIsRefusedWithTheMend()
            throws Exception
    {
        Path file = directory.resolve("earlier").resolve("warehouse.db");
        Files.createDirectories(file.getParent());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            // team_offense before the real names: points, fg_made, ..., row_hash; ratings as REAL
            connection.createStatement().execute("CREATE TABLE nba_analytics__team_offense_game_summary (game_id TEXT NOT NULL, points INTEGER NOT NULL, "
                    + "offensive_rating REAL, row_hash TEXT NOT NULL)");
        }
        for (SqliteWarehouse earlier : List.of(SqliteWarehouse.open(file, SchemaCatalog.standard()), SqliteWarehouse.openReadOnly(file, SchemaCatalog.standard()))) {
            try (earlier) {
                assertThatThrownBy(() -> earlier.read(AnalyticsSchemas.ref(AnalyticsTable.TEAM_OFFENSE), DateRange.single(DAY)))
                        .isInstanceOfSatisfying(FleetException.class,
                                e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.ENVIRONMENT))
                        .hasMessageContaining("table nba_analytics__team_offense_game_summary was made by an earlier version of the fleet")
                        .hasMessageContaining("it lacks nba_game_id TEXT")
                        .hasMessageContaining("offensive_rating TEXT")
                        .hasMessageContaining("it has points INTEGER, offensive_rating REAL, row_hash TEXT instead")
                        .hasMessageContaining("mv " + file.toAbsolutePath() + " " + file.toAbsolutePath() + ".old && rm -rf ");
            }
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
