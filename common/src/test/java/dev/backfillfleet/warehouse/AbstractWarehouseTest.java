package dev.backfillfleet.warehouse;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.RawTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every warehouse keeps: reads by partition window, and partition replacement
 * that is atomic and leaves neither duplicates nor orphans however often a date is rewritten,
 * whose write token names one write. Where backends differ, a capability says which way this one
 * goes, and the test checks that way (as Trino's AbstractTestTrinoFileSystem does).
 */
public abstract class AbstractWarehouseTest
{
    private static final TableRef LINES = RawTables.GAME_LINES;
    private static final TableRef SYNTHETIC = AnalyticsSchemas.ref(AnalyticsTable.SYNTHETIC);
    private static final LocalDate DAY = LocalDate.parse("2024-11-01");

    protected Warehouse warehouse;

    protected abstract Warehouse createWarehouse()
            throws Exception;

    protected void closeWarehouse()
            throws Exception {}

    /**
     * Whether the warehouse itself refuses a fenced write of an earlier claim than the one that
     * last wrote the partition. One that cannot tell bounds instead how long a write may land
     * ({@link Warehouse#maximumWriteTime}), and the runner writes only with more lease left.
     */
    protected abstract boolean refusesStaleWrites();

    /**
     * Whether a write token names one write for good: a resubmission of the token, even of other
     * rows, is answered with the first write (BigQuery's job ids) rather than written again.
     */
    protected abstract boolean keepsTheFirstWriteOfAToken();

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
    protected void numericColumnsKeepExactDecimalsAtTheirScale()
    {
        TableSchema offense = AnalyticsSchemas.teamOffense();
        // 0.1 + 0.2 is not 0.3 in binary floating point; a NUMERIC keeps the decimal digits exactly, at the column's scale
        Row row = teamOffense(offense, new BigDecimal("0.3"), new BigDecimal("96.7"), new BigDecimal("1"), null);
        warehouse.replacePartition(offense.ref(), DAY, List.of(row));
        Row read = warehouse.read(offense.ref(), DateRange.single(DAY), List.of("offensive_rating", "pace", "ts_pct", "efg_pct")).get(0);
        assertThat(read.getDecimal("offensive_rating")).isEqualTo(new BigDecimal("0.30"));
        assertThat(read.getDecimal("pace")).isEqualTo(new BigDecimal("96.7"));
        assertThat(read.getDecimal("ts_pct")).isEqualTo(new BigDecimal("1.000"));
        assertThat(read.getDecimal("efg_pct")).isNull();
        assertThat(read.values().get("offensive_rating")).isInstanceOf(BigDecimal.class);
        // the largest and the most negative values NUMERIC(6,2) holds
        warehouse.replacePartition(offense.ref(), DAY, List.of(teamOffense(offense, new BigDecimal("9999.99"), new BigDecimal("-9999.9"), null, null)));
        Row extremes = warehouse.read(offense.ref(), DateRange.single(DAY), List.of("offensive_rating", "pace")).get(0);
        assertThat(extremes.getDecimal("offensive_rating")).isEqualTo(new BigDecimal("9999.99"));
        assertThat(extremes.getDecimal("pace")).isEqualTo(new BigDecimal("-9999.9"));
        // never rounded on the way in: more decimals, or more digits, than the column holds is refused, naming it
        assertThatThrownBy(() -> warehouse.replacePartition(offense.ref(), DAY, List.of(teamOffense(offense, new BigDecimal("113.775"), null, null, null))))
                .hasMessageContaining("offensive_rating").hasMessageContaining("NUMERIC(6, 2)");
        assertThatThrownBy(() -> warehouse.replacePartition(offense.ref(), DAY, List.of(teamOffense(offense, new BigDecimal("10000.00"), null, null, null))))
                .hasMessageContaining("offensive_rating");
        // and a binary double is not an exact decimal
        assertThatThrownBy(() -> warehouse.replacePartition(offense.ref(), DAY, List.of(teamOffense(offense, null, null, null, null).with("pace", 96.7))))
                .hasMessageContaining("NUMERIC");
    }

    private static Row teamOffense(TableSchema offense, BigDecimal rating, BigDecimal pace, BigDecimal trueShooting, BigDecimal effectiveFg)
    {
        Row.Builder row = Row.builder();
        for (Column column : offense.columns()) {
            row.set(column.name(), switch (column.type()) {
                case STRING -> "x";
                case INT64 -> 1L;
                case FLOAT64 -> 1.5;
                case BOOL -> true;
                case DATE -> DAY;
                case TIMESTAMP -> Instant.parse("2024-11-02T09:00:00Z");
                case NUMERIC -> null;
            });
        }
        return row.set("offensive_rating", rating).set("pace", pace).set("ts_pct", trueShooting).set("efg_pct", effectiveFg).build();
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

    @Test
    void aResubmittedWriteOfOneTokenLeavesOneWrite()
    {
        WriteToken token = new WriteToken("run-1", "worker-a", 1, Instant.parse("2024-11-01T12:00:00Z"), 1);
        List<Row> rows = List.of(synthetic("worker-a", 1));
        assertThat(warehouse.replacePartition(SYNTHETIC, DAY, rows, token)).isEqualTo(1);
        // its answer was lost, say, and the same try goes again
        assertThat(warehouse.replacePartition(SYNTHETIC, DAY, rows, token)).isEqualTo(1);
        assertThat(warehouse.read(SYNTHETIC, DateRange.single(DAY))).containsExactlyElementsOf(rows);

        // of other rows: the token's first write stands, or the submission replaces the partition
        warehouse.replacePartition(SYNTHETIC, DAY, List.of(synthetic("worker-a", 1).with("run_id", "run-other")), token);
        assertThat(warehouse.read(SYNTHETIC, DateRange.single(DAY))).extracting(row -> row.getString("run_id"))
                .containsExactly(keepsTheFirstWriteOfAToken() ? "run-1" : "run-other");
        // a new try of the same attempt is a new write everywhere
        warehouse.replacePartition(SYNTHETIC, DAY, List.of(synthetic("worker-a", 1).with("run_id", "run-next")), token.nextTry());
        assertThat(warehouse.read(SYNTHETIC, DateRange.single(DAY))).extracting(row -> row.getString("run_id")).containsExactly("run-next");
    }

    @Test
    void aWriteOfAnEarlierClaimIsRefusedOrTheWriteTimeIsBounded()
    {
        Instant first = Instant.parse("2024-11-01T12:00:00Z");
        Instant second = first.plusSeconds(40);
        warehouse.replacePartition(SYNTHETIC, DAY, List.of(synthetic("worker-b", 2)), new WriteToken("run-1", "worker-b", 2, second, 1));

        List<Row> stale = List.of(synthetic("worker-a", 1));
        WriteToken earlier = new WriteToken("run-1", "worker-a", 1, first, 1);
        if (refusesStaleWrites()) {
            assertThatThrownBy(() -> warehouse.replacePartition(SYNTHETIC, DAY, stale, earlier))
                    .isInstanceOf(StaleWriteException.class)
                    .hasMessageContaining("written by a later claim (attempt 2 of worker-b)");
            assertThat(warehouse.read(SYNTHETIC, DateRange.single(DAY))).extracting(row -> row.get("worker_id")).containsExactly("worker-b");
        }
        else {
            assertThat(warehouse.maximumWriteTime()).as("a warehouse that cannot refuse a stale write bounds how long one may land").isPositive();
            warehouse.replacePartition(SYNTHETIC, DAY, stale, earlier);
            assertThat(warehouse.read(SYNTHETIC, DateRange.single(DAY))).extracting(row -> row.get("worker_id")).containsExactly("worker-a");
        }

        // a later claim, and writes no lease fences (imports), go through everywhere
        warehouse.replacePartition(SYNTHETIC, DAY, List.of(synthetic("worker-c", 3)), new WriteToken("run-2", "worker-c", 3, second.plusSeconds(1), 1));
        assertThat(warehouse.read(SYNTHETIC, DateRange.single(DAY))).extracting(row -> row.get("worker_id")).containsExactly("worker-c");
        warehouse.replacePartition(SYNTHETIC, DAY, List.of(synthetic("import", 0)));
        assertThat(warehouse.read(SYNTHETIC, DateRange.single(DAY))).extracting(row -> row.get("worker_id")).containsExactly("import");
    }

    private static Row synthetic(String workerId, int attempt)
    {
        return RowHash.stamp(AnalyticsSchemas.synthetic(), Row.builder()
                .set("game_date", DAY).set("run_id", "run-1").set("worker_id", workerId).set("attempt", (long) attempt)
                .set("processed_at", Instant.parse("2024-11-01T12:00:00Z"))
                .build());
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
