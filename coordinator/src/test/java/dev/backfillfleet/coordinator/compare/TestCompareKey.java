package dev.backfillfleet.coordinator.compare;

import dev.backfillfleet.catalog.BuiltInTables;
import dev.backfillfleet.catalog.DialectSql;
import dev.backfillfleet.catalog.TableDefinition;
import dev.backfillfleet.catalog.TableKind;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real MERGE keys of the built-in tables, and a catalog table's key derived from its rows. */
class TestCompareKey
{
    private static final LocalDate DAY = LocalDate.parse("2025-01-10");

    @Test
    void builtInTablesUseTheRealMergeKeys()
    {
        assertThat(BuiltInTables.all().stream().filter(table -> !table.name().equals("synthetic")).map(table -> CompareKey.of(table, List.of()).columns()))
                .containsExactly(
                        List.of("game_date", "team_abbr"),
                        List.of("game_date", "defending_team_abbr"),
                        List.of("game_date", "player_lookup"),
                        List.of("game_date", "player_lookup"),
                        List.of("game_date", "team_abbr"));
        // every key column is a column of our table
        for (TableDefinition table : BuiltInTables.all()) {
            assertThat(table.columns().stream().map(Column::name)).containsAll(CompareKey.of(table, List.of()).columns());
        }
    }

    @Test
    void aCatalogTablesKeyIsTheFewestLeadingNonDecimalColumnsThatTellItsRowsApart()
    {
        TableDefinition lines = new TableDefinition("team_lines", Optional.empty(), Optional.empty(), "game_date", List.of(
                Column.required("game_date", ColumnType.DATE),
                Column.nullableNumeric("spread", 5, 1),
                Column.required("team_abbr", ColumnType.STRING),
                Column.required("bookmaker", ColumnType.STRING),
                Column.nullable("note", ColumnType.STRING)),
                List.of(), true, Optional.empty(), new TableKind.Sql(DialectSql.portable("SELECT 1")));
        List<Row> oneRowPerTeam = List.of(line("BOS", "dk"), line("NYK", "dk"));
        assertThat(CompareKey.of(lines, oneRowPerTeam).columns()).containsExactly("game_date", "team_abbr");
        List<Row> oneRowPerBook = List.of(line("BOS", "dk"), line("BOS", "fd"), line("NYK", "dk"));
        assertThat(CompareKey.of(lines, oneRowPerBook).columns()).containsExactly("game_date", "team_abbr", "bookmaker");
        assertThat(CompareKey.of(lines, oneRowPerBook).source()).startsWith("derived");
        assertThat(CompareKey.of(lines, List.of(line("BOS", "dk"))).columns()).containsExactly("game_date");
        assertThatThrownBy(() -> CompareKey.of(lines, List.of(line("BOS", "dk"), line("BOS", "dk"))))
                .isInstanceOf(CompareKey.KeyNotFound.class)
                .hasMessageContaining("team_lines: no columns tell its rows apart");
    }

    private static Row line(String team, String bookmaker)
    {
        return Row.builder().set("game_date", DAY).set("spread", new BigDecimal("-4.5")).set("team_abbr", team).set("bookmaker", bookmaker).set("note", null).build();
    }
}
