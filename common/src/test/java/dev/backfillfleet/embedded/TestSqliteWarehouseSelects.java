package dev.backfillfleet.embedded;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.PartitionWrite;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.SelectedColumn;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.warehouse.WriteToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A SQL table's date on the embedded warehouse: the SELECT's rows replace the partition in one transaction, or nothing is written. */
class TestSqliteWarehouseSelects
{
    private static final LocalDate DAY = LocalDate.parse("2024-11-01");
    private static final TableSchema POINTS = TableSchema.partitioned(new TableRef("test_data", "points"), "game_date", List.of(
            Column.required("game_date", ColumnType.DATE), Column.required("team", ColumnType.STRING), Column.required("points", ColumnType.INT64)));
    private static final TableSchema WEEKLY = TableSchema.partitioned(new TableRef("test_data", "weekly"), "game_date", List.of(
            Column.required("game_date", ColumnType.DATE), Column.required("team", ColumnType.STRING), Column.nullable("points", ColumnType.INT64)));

    @TempDir
    Path directory;

    private SqliteWarehouse warehouse;
    private String weeklySelect;

    @BeforeEach
    void setUp()
    {
        warehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), new SchemaCatalog(List.of(POINTS, WEEKLY)));
        for (int day = 0; day < 10; day++) {
            LocalDate date = DAY.plusDays(day);
            warehouse.replacePartition(POINTS.ref(), date, List.of(points(date, "BOS", 100 + day), points(date, "NYK", 90 + day)));
        }
        // @date twice, as a user's SQL has it: one parameter to SQLite
        weeklySelect = "SELECT @date AS game_date, team, SUM(points) AS points FROM " + warehouse.sqlTableName(POINTS.ref())
                + " WHERE game_date BETWEEN date(@date, '-6 days') AND @date GROUP BY team";
    }

    @AfterEach
    void tearDown()
    {
        warehouse.close();
    }

    @Test
    void theSelectsRowsReplaceThePartitionAndARunAgainDoesNotDuplicate()
    {
        LocalDate date = DAY.plusDays(6);
        PartitionWrite first = warehouse.replacePartitionWithSelect(WEEKLY.ref(), date, weeklySelect, token(1));
        PartitionWrite again = warehouse.replacePartitionWithSelect(WEEKLY.ref(), date, weeklySelect, token(2));

        assertThat(first).isEqualTo(new PartitionWrite(2, 2));
        assertThat(again).isEqualTo(new PartitionWrite(2, 2));
        // BOS: 100 + ... + 106; NYK: 90 + ... + 96
        assertThat(warehouse.read(WEEKLY.ref(), DateRange.single(date))).extracting(row -> row.getString("team") + "=" + row.getLong("points"))
                .containsExactlyInAnyOrder("BOS=721", "NYK=651");
        assertThat(warehouse.read(WEEKLY.ref(), DateRange.of(DAY, DAY.plusDays(9)))).as("other dates untouched").hasSize(2);
    }

    @Test
    void rowsOfAnotherDateFailTheDateAndLeaveThePartitionAsItWas()
    {
        LocalDate date = DAY.plusDays(6);
        warehouse.replacePartitionWithSelect(WEEKLY.ref(), date, weeklySelect, token(1));
        String everyDate = "SELECT game_date, team, points FROM " + warehouse.sqlTableName(POINTS.ref()) + " WHERE game_date <= @date";

        assertThatThrownBy(() -> warehouse.replacePartitionWithSelect(WEEKLY.ref(), date, everyDate, token(2)))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.PERMANENT))
                .hasMessageContaining("returned 14 rows, 12 of them with a game_date other than " + date)
                .hasMessageContaining("filter on @date");
        assertThat(warehouse.read(WEEKLY.ref(), DateRange.of(DAY, DAY.plusDays(9)))).extracting(row -> row.getLong("points"))
                .containsExactlyInAnyOrder(721L, 651L);
    }

    @Test
    void aValueOfAnotherTypeFailsTheDateAndNothingIsWritten()
    {
        String text = "SELECT @date AS game_date, team, 'many' AS points FROM " + warehouse.sqlTableName(POINTS.ref()) + " WHERE game_date = @date";

        assertThatThrownBy(() -> warehouse.replacePartitionWithSelect(WEEKLY.ref(), DAY, text, token(1)))
                .isInstanceOf(FleetException.class)
                .hasMessageContaining("points");
        assertThat(warehouse.read(WEEKLY.ref(), DateRange.single(DAY))).isEmpty();
    }

    @Test
    void expectedRowsCountsWithTheDateBound()
    {
        String count = "SELECT 2 * COUNT(*) FROM " + warehouse.sqlTableName(POINTS.ref()) + " WHERE game_date = @date";

        assertThat(warehouse.selectCount(count, DAY)).isEqualTo(4);
        assertThat(warehouse.selectCount(count, DAY.minusDays(1))).isZero();
        assertThatThrownBy(() -> warehouse.selectCount("SELECT 'x'", DAY)).hasMessageContaining("gave no whole number");
    }

    @Test
    void aSelectIsDescribedWithoutRunningAndABadOneIsOneLine()
    {
        assertThat(warehouse.describeSelect(weeklySelect)).containsExactly(
                new SelectedColumn("game_date", Optional.empty()), new SelectedColumn("team", Optional.empty()), new SelectedColumn("points", Optional.empty()));

        assertThatThrownBy(() -> warehouse.describeSelect("SELECT nope FROM " + warehouse.sqlTableName(POINTS.ref())))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.USER))
                .hasMessageStartingWith("the SQL does not compile on the embedded warehouse: ")
                .hasMessageContaining("nope")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> warehouse.describeSelect(weeklySelect + " HAVING SUM(points) > @minimum"))
                .hasMessage("the SQL has 2 parameters; it may use @date only");
    }

    private static Row points(LocalDate date, String team, long points)
    {
        return Row.builder().set("game_date", date).set("team", team).set("points", points).build();
    }

    private static WriteToken token(int attempt)
    {
        return new WriteToken("run-1", "worker-a", attempt, Instant.parse("2024-11-01T12:00:00Z").plusSeconds(attempt), 1);
    }
}
