package dev.backfillfleet.catalog;

import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestCatalogFileWriter
{
    @Test
    void whatItWritesReadsBackToTheSameDefinitions()
    {
        List<TableDefinition> tables = CatalogFileParser.parse("t.yaml", TestCatalogFileParser.CONTRACT_EXAMPLE).tables();

        String written = CatalogFileWriter.file(tables);

        assertThat(CatalogFileParser.parse("written.yaml", written).tables()).isEqualTo(tables);
        assertThat(written).contains("""
                  team_points:
                    short_name: points
                    dataset: my_analytics
                    columns:
                      game_date: DATE REQUIRED
                      team_abbr: STRING REQUIRED
                      points: INT64
                    depends_on:
                      team_offense: [-30, -1]
                    games_only: true
                """);
    }

    @Test
    void awkwardTextsAndArgumentsSurviveTheRoundTrip()
    {
        for (String sql : List.of("SELECT 1", "SELECT 1\n", "SELECT 1\n\n", "  SELECT 1", "SELECT 'a' \nFROM t", "SELECT\t1", "SELECT '#' -- \"x\"\n\nFROM {{t}}",
                "SELECT ': x' AS \"y\"", "SELECT 1\r\nFROM t")) {
            TableDefinition table = sqlTable(DialectSql.portable(sql), List.of("true", "{date}", "--date", "3", "a b", "\"q\"", "x: y", "#c", "", "-", "~", "1e5", "ünïcode"));
            assertRoundTrip(table);
        }
        assertRoundTrip(sqlTable(new DialectSql(Map.of(SqlDialect.BIGQUERY, "SELECT 1", SqlDialect.EMBEDDED, "SELECT 2\n")), List.of("x")));
        assertRoundTrip(sqlTable(new DialectSql(Map.of(SqlDialect.EMBEDDED, "SELECT 2")), List.of("x")));
    }

    private static TableDefinition sqlTable(DialectSql sql, List<String> argv)
    {
        return new TableDefinition("t", Optional.empty(), Optional.empty(), "day", List.of(Column.required("day", ColumnType.DATE)),
                List.of(new Dependency("u", -2, 3)), false, Optional.of(sql), new TableKind.Command(argv.isEmpty() ? List.of("p") : prepend(argv), Duration.ofSeconds(7)));
    }

    private static List<String> prepend(List<String> argv)
    {
        List<String> all = new java.util.ArrayList<>(List.of("prog"));
        all.addAll(argv);
        return all;
    }

    private static void assertRoundTrip(TableDefinition table)
    {
        String written = CatalogFileWriter.file(List.of(table));
        assertThat(CatalogFileParser.parse("w.yaml", written).tables()).as(written).containsExactly(table);
    }
}
