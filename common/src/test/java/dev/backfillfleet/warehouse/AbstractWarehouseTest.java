package dev.backfillfleet.warehouse;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schema.RawTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every warehouse keeps: reads by partition window, and partition replacement
 * that is atomic and leaves neither duplicates nor orphans however often a date is rewritten.
 */
public abstract class AbstractWarehouseTest
{
    private static final TableRef LINES = RawTables.GAME_LINES;
    private static final LocalDate DAY = LocalDate.parse("2024-11-01");

    protected Warehouse warehouse;

    protected abstract Warehouse createWarehouse()
            throws Exception;

    protected void closeWarehouse()
            throws Exception {}

    @BeforeEach
    void setUpWarehouse()
            throws Exception
    {
        warehouse = createWarehouse();
    }

    @AfterEach
    void tearDownWarehouse()
            throws Exception
    {
        closeWarehouse();
    }

    @Test
    void writtenRowsReadBackWithEveryType()
    {
        Row row = line(DAY, "draftkings", -4.5);
        assertThat(warehouse.replacePartition(LINES, DAY, List.of(row))).isEqualTo(1);
        assertThat(warehouse.read(LINES, DateRange.single(DAY))).containsExactly(row);

        Row box = Row.builder()
                .set("game_id", "20241101_BOS_NYK").set("game_date", DAY).set("team_abbr", "BOS").set("minutes", "240:00").set("points", 112L)
                .set("fg_made", null).set("blocks", 3L)
                .set("processed_at", Instant.parse("2024-11-02T09:00:00.123456Z"))
                .build();
        warehouse.replacePartition(RawTables.TEAM_BOXSCORE, DAY, List.of(box));
        Row read = warehouse.read(RawTables.TEAM_BOXSCORE, DateRange.single(DAY)).get(0);
        assertThat(read.getString("minutes")).isEqualTo("240:00");
        assertThat(read.getLong("points")).isEqualTo(112L);
        assertThat(read.getLong("fg_made")).isNull();
        assertThat(read.getLong("blocks")).isEqualTo(3L);
        assertThat(read.getTimestamp("processed_at")).isEqualTo(Instant.parse("2024-11-02T09:00:00.123456Z"));
    }

    @Test
    void replacingAPartitionRemovesRowsWhoseKeysDisappeared()
    {
        warehouse.replacePartition(LINES, DAY, List.of(line(DAY, "draftkings", -4.5), line(DAY, "fanduel", -5.5), line(DAY, "betmgm", -4.0)));
        warehouse.replacePartition(LINES, DAY, List.of(line(DAY, "draftkings", -3.5)));
        assertThat(warehouse.read(LINES, DateRange.single(DAY))).containsExactly(line(DAY, "draftkings", -3.5));
        assertThat(warehouse.countPartition(LINES, DAY)).isEqualTo(1);
    }

    @Test
    void rewritingADateManyTimesNeverDuplicates()
    {
        List<Row> rows = IntStream.range(0, 20).mapToObj(i -> line(DAY, "book" + (char) ('a' + i), i + 0.5)).toList();
        for (int run = 0; run < 5; run++) {
            warehouse.replacePartition(LINES, DAY, rows);
        }
        assertThat(warehouse.countPartition(LINES, DAY)).isEqualTo(20);
        assertThat(warehouse.read(LINES, DateRange.single(DAY))).containsExactlyInAnyOrderElementsOf(rows);
    }

    @Test
    void aLargePartitionReadsBackRowForRowInOrder()
    {
        // more rows than one multi-row INSERT takes, and a remainder
        List<Row> rows = IntStream.range(0, 301).mapToObj(i -> line(DAY, "book-" + i, i / 4.0)).toList();
        assertThat(warehouse.replacePartition(LINES, DAY, rows)).isEqualTo(301);
        assertThat(warehouse.read(LINES, DateRange.single(DAY))).containsExactlyElementsOf(rows);
    }

    @Test
    void replacingOnePartitionLeavesTheOthers()
    {
        warehouse.replacePartition(LINES, DAY, List.of(line(DAY, "draftkings", -4.5)));
        warehouse.replacePartition(LINES, DAY.plusDays(1), List.of(line(DAY.plusDays(1), "draftkings", 2.5)));
        warehouse.replacePartition(LINES, DAY, List.of());
        assertThat(warehouse.countPartition(LINES, DAY)).isZero();
        assertThat(warehouse.read(LINES, DateRange.of(DAY, DAY.plusDays(1)))).containsExactly(line(DAY.plusDays(1), "draftkings", 2.5));
    }

    @Test
    void readsHonourThePartitionWindow()
    {
        warehouse.replacePartitions(LINES, Map.of(
                DAY, List.of(line(DAY, "a", 1.5)),
                DAY.plusDays(1), List.of(line(DAY.plusDays(1), "b", 2.5)),
                DAY.plusDays(2), List.of(line(DAY.plusDays(2), "c", 3.5))));
        assertThat(warehouse.read(LINES, DateRange.of(DAY.plusDays(1), DAY.plusDays(2))))
                .extracting(row -> row.getString("bookmaker_key"))
                .containsExactlyInAnyOrder("b", "c");
        assertThat(warehouse.read(LINES, DateRange.single(DAY.minusDays(1)))).isEmpty();
    }

    @Test
    void readsOfSomeColumnsReturnThoseColumnsOnly()
    {
        Row row = line(DAY, "draftkings", -4.5);
        warehouse.replacePartition(LINES, DAY, List.of(row));
        assertThat(warehouse.read(LINES, DateRange.single(DAY), List.of("bookmaker_key", "game_date")))
                .containsExactly(Row.builder().set("bookmaker_key", "draftkings").set("game_date", DAY).build());
        assertThatThrownBy(() -> warehouse.read(LINES, DateRange.single(DAY), List.of("bookmaker_key", "no_such_column")))
                .hasMessageContaining("no_such_column");
    }

    @Test
    void rowsMustMatchTheSchemaAndTheirPartition()
    {
        assertThatThrownBy(() -> warehouse.replacePartition(LINES, DAY, List.of(line(DAY, "a", 1.5).with("no_such_column", 1L))))
                .hasMessageContaining("no_such_column");
        assertThatThrownBy(() -> warehouse.replacePartition(LINES, DAY, List.of(line(DAY.plusDays(1), "a", 1.5))))
                .hasMessageContaining("partition");
        assertThat(warehouse.countPartition(LINES, DAY)).isZero();
    }

    @Test
    void unpartitionedTablesAreReplacedWhole()
    {
        Row bosToNyk = Row.builder().set("from_team", "BOS").set("to_team", "NYK").set("distance_miles", 190L).set("time_zones_crossed", 0L).build();
        Row bosToLal = Row.builder().set("from_team", "BOS").set("to_team", "LAL").set("distance_miles", 2600L).set("time_zones_crossed", 3L).build();
        warehouse.replaceAll(RawTables.TRAVEL_DISTANCES, List.of(bosToNyk, bosToLal));
        warehouse.replaceAll(RawTables.TRAVEL_DISTANCES, List.of(bosToLal));
        assertThat(warehouse.readAll(RawTables.TRAVEL_DISTANCES)).containsExactly(bosToLal);
        assertThat(warehouse.readAll(RawTables.TRAVEL_DISTANCES, List.of("to_team", "distance_miles")))
                .containsExactly(Row.builder().set("to_team", "LAL").set("distance_miles", 2600L).build());
    }

    protected static Row line(LocalDate date, String bookmaker, double point)
    {
        return Row.builder()
                .set("game_date", date)
                .set("commence_time", Instant.parse("2024-11-01T23:30:00Z"))
                .set("home_team", "New York Knicks")
                .set("away_team", "Boston Celtics")
                .set("home_team_abbr", "NYK")
                .set("away_team_abbr", "BOS")
                .set("bookmaker_key", bookmaker)
                .set("market_key", "spreads")
                .set("outcome_name", "New York Knicks")
                .set("outcome_point", point)
                .set("snapshot_timestamp", Instant.parse("2024-11-01T23:20:00.123456Z"))
                .build();
    }
}
