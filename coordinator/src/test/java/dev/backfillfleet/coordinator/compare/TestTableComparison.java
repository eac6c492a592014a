package dev.backfillfleet.coordinator.compare;

import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows matched on their key and values compared at the coarser scale of the two columns. */
class TestTableComparison
{
    private static final LocalDate DAY = LocalDate.parse("2025-01-10");
    private static final List<Column> KEY = List.of(Column.required("game_date", ColumnType.DATE), Column.required("team_abbr", ColumnType.STRING));

    @Test
    void numbersAreComparedAtTheCoarserScale()
    {
        // ours FLOAT64 against their INT64: compared in units
        assertThat(differs(Column.nullable("possessions", ColumnType.FLOAT64), Column.nullable("possessions", ColumnType.INT64), 98.4, 98L)).isFalse();
        assertThat(differs(Column.nullable("possessions", ColumnType.FLOAT64), Column.nullable("possessions", ColumnType.INT64), 98.6, 98L)).isTrue();
        // NUMERIC(5,1) against the same: exact at one decimal
        Column pace = Column.nullableNumeric("pace", 5, 1);
        assertThat(differs(pace, pace, new BigDecimal("99.1"), new BigDecimal("99.1"))).isFalse();
        assertThat(differs(pace, pace, new BigDecimal("99.1"), new BigDecimal("99.2"))).isTrue();
        // NUMERIC(5,3) against a FLOAT64 of theirs: at three decimals, half away from zero
        Column ts = Column.nullableNumeric("ts_pct", 5, 3);
        assertThat(differs(ts, Column.nullable("ts_pct", ColumnType.FLOAT64), new BigDecimal("0.563"), 0.5625)).isFalse();
        assertThat(differs(ts, Column.nullable("ts_pct", ColumnType.FLOAT64), new BigDecimal("0.563"), 0.5624)).isTrue();
        // FLOAT64 on both sides: equal within the rounding to six decimals, not beyond
        Column rate = Column.nullable("rate", ColumnType.FLOAT64);
        assertThat(differs(rate, rate, 0.1 + 0.2, 0.3)).isFalse();
        assertThat(differs(rate, rate, 0.3, 0.300002)).isTrue();
        // the embedded warehouse's NUMERIC as text
        assertThat(differs(pace, Column.nullable("pace", ColumnType.STRING), new BigDecimal("99.1"), "99.10")).isFalse();
        // NULL equals only NULL
        assertThat(differs(pace, pace, null, new BigDecimal("0.0"))).isTrue();
        assertThat(differs(pace, pace, null, null)).isFalse();
    }

    @Test
    void flagsDatesAndTextAreReadInOurColumnsType()
    {
        Column flag = Column.required("home_game", ColumnType.BOOL);
        assertThat(differs(flag, Column.nullable("home_game", ColumnType.INT64), true, 1L)).isFalse();
        assertThat(differs(flag, Column.nullable("home_game", ColumnType.INT64), true, 0L)).isTrue();
        Column name = Column.nullable("last_game_result", ColumnType.STRING);
        assertThat(differs(name, name, "W", "W")).isFalse();
        assertThat(differs(name, name, "W", "w")).isTrue();
    }

    @Test
    void rowsAreMatchedOnTheKeyAndOneSidedOrRepeatedKeysReported()
    {
        Column points = Column.nullable("points_scored", ColumnType.INT64);
        List<Row> ours = List.of(row("BOS", 100L), row("NYK", 99L), row("LAL", 120L));
        // theirs: the date as text (another table's DATE in the embedded warehouse), NYK missing, MIA extra, LAL twice
        List<Row> theirs = List.of(row("BOS", 101L).with("game_date", DAY.toString()), row("MIA", 90L), row("LAL", 120L), row("LAL", 121L));
        TableComparison comparison = TableComparison.of(ours, theirs, KEY, Map.of(points, points));

        assertThat(comparison.matchedRows()).isEqualTo(2);
        assertThat(comparison.onlyOurs()).containsExactly(List.of(DAY, "NYK"));
        assertThat(comparison.onlyTheirs()).containsExactly(List.of(DAY, "MIA"));
        assertThat(comparison.repeatedKeys()).containsExactly(List.of(DAY, "LAL"));
        assertThat(comparison.differences()).containsOnlyKeys("points_scored");
        assertThat(comparison.differences().get("points_scored").count()).isEqualTo(1);
        assertThat(comparison.differences().get("points_scored").examples())
                .containsExactly(new TableComparison.Example(List.of(DAY, "BOS"), 100L, 101L));
        assertThat(comparison.equal()).isFalse();
        assertThat(TableComparison.of(ours, ours, KEY, Map.of(points, points)).equal()).isTrue();
    }

    @Test
    void examplesAreCappedButEveryDifferenceCounted()
    {
        Column points = Column.nullable("points_scored", ColumnType.INT64);
        List<String> teams = List.of("ATL", "BOS", "CHI", "DAL", "DEN");
        List<Row> ours = teams.stream().map(team -> row(team, 100L)).toList();
        List<Row> theirs = teams.stream().map(team -> row(team, 101L)).toList();
        TableComparison.ColumnDifference difference = TableComparison.of(ours, theirs, KEY, Map.of(points, points)).differences().get("points_scored");
        assertThat(difference.count()).isEqualTo(5);
        assertThat(difference.examples()).hasSize(TableComparison.EXAMPLES_PER_COLUMN);
    }

    private static boolean differs(Column ours, Column theirs, Object ourValue, Object theirValue)
    {
        Map<String, Object> our = new LinkedHashMap<>(Map.of("game_date", DAY, "team_abbr", "BOS"));
        our.put(ours.name(), ourValue);
        Map<String, Object> their = new LinkedHashMap<>(Map.of("game_date", DAY, "team_abbr", "BOS"));
        their.put(ours.name(), theirValue);
        TableComparison comparison = TableComparison.of(List.of(new Row(our)), List.of(new Row(their)), KEY, Map.of(ours, theirs));
        assertThat(comparison.matchedRows()).isEqualTo(1);
        return !comparison.equal();
    }

    private static Row row(String team, long points)
    {
        return Row.builder().set("game_date", DAY).set("team_abbr", team).set("points_scored", points).build();
    }
}
