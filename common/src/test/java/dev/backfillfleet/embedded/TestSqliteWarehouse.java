package dev.backfillfleet.embedded;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.AbstractWarehouseTest;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowHash;
import dev.backfillfleet.warehouse.StaleWriteException;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.Warehouse;
import dev.backfillfleet.warehouse.WriteToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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

    @Test
    void aWriteOfAnEarlierClaimThanThePartitionsLastIsRefused()
    {
        Instant first = Instant.parse("2024-11-05T12:00:00Z");
        Instant second = first.plusSeconds(40);
        sqliteWarehouse.replacePartition(SYNTHETIC, DAY, List.of(row("worker-b", 2)), new WriteToken("run-1", "worker-b", 2, second, 1));

        assertThatThrownBy(() -> sqliteWarehouse.replacePartition(SYNTHETIC, DAY, List.of(row("worker-a", 1)), new WriteToken("run-1", "worker-a", 1, first, 1)))
                .isInstanceOf(StaleWriteException.class)
                .hasMessageContaining("written by a later claim (attempt 2 of worker-b)");
        assertThat(sqliteWarehouse.read(SYNTHETIC, DateRange.single(DAY))).extracting(row -> row.get("worker_id")).containsExactly("worker-b");

        // a later claim, and writes no lease fences (imports), go through
        sqliteWarehouse.replacePartition(SYNTHETIC, DAY, List.of(row("worker-c", 3)), new WriteToken("run-2", "worker-c", 3, second.plusSeconds(1), 1));
        sqliteWarehouse.replacePartition(SYNTHETIC, DAY, List.of(row("import", 0)));
        assertThat(sqliteWarehouse.read(SYNTHETIC, DateRange.single(DAY))).extracting(row -> row.get("worker_id")).containsExactly("import");
    }

    @Test
    void aNumericIsStoredAsItsDecimalTextNeverAsABinaryFloat()
            throws Exception
    {
        numericColumnsKeepExactDecimalsAtTheirScale();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("warehouse.db"));
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
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            // team_offense before the real names: points, fg_made, ..., row_hash; ratings as REAL
            connection.createStatement().execute("CREATE TABLE nba_analytics__team_offense_game_summary (game_id TEXT NOT NULL, points INTEGER NOT NULL, "
                    + "offensive_rating REAL, row_hash TEXT NOT NULL)");
        }
        for (SqliteWarehouse earlier : List.of(SqliteWarehouse.open(file, SchemaCatalog.standard()), SqliteWarehouse.openReadOnly(file, SchemaCatalog.standard()))) {
            try (earlier) {
                assertThatThrownBy(() -> earlier.read(AnalyticsSchemas.ref(AnalyticsTable.TEAM_OFFENSE), DateRange.single(DAY)))
                        .isInstanceOfSatisfying(dev.backfillfleet.domain.FleetException.class,
                                e -> assertThat(e.errorClass()).isEqualTo(dev.backfillfleet.domain.ErrorClass.ENVIRONMENT))
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

    private static Row row(String workerId, int attempt)
    {
        return RowHash.stamp(AnalyticsSchemas.synthetic(), Row.builder()
                .set("game_date", DAY).set("run_id", "run-1").set("worker_id", workerId).set("attempt", (long) attempt)
                .set("processed_at", Instant.parse("2024-11-05T12:00:00Z"))
                .build());
    }
}
