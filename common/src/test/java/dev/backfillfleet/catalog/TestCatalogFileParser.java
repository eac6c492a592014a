package dev.backfillfleet.catalog;

import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCatalogFileParser
{
    // the README's example, the format's contract
    static final String CONTRACT_EXAMPLE = """
            tables:
              team_points:                         # the warehouse table name; unique among all tables
                short_name: points                 # optional: what operators may type instead
                dataset: my_analytics              # optional: defaults to the analytics dataset
                partition_column: game_date        # optional: defaults to game_date (type DATE)
                columns:                           # the output schema, in order
                  game_date: DATE REQUIRED
                  team_abbr: STRING REQUIRED
                  points: INT64                    # types: STRING INT64 FLOAT64 NUMERIC BOOL DATE TIMESTAMP
                depends_on:                        # optional: upstream tables and windows in days relative
                  team_offense: [-30, -1]          #   to the date; [0, 0] is the same date
                games_only: true
                expected_rows: |
                  SELECT 2 * COUNT(*) FROM {{nba_raw.nbac_schedule}} WHERE game_date = @date
                sql: |
                  SELECT game_date, team_abbr, assists AS points FROM {{team_offense}} WHERE game_date = @date
              per_date_program:
                columns:
                  game_date: DATE REQUIRED
                  value: FLOAT64
                command: [python3, points.py, --date, "{date}"]
                timeout_seconds: 30
            """;

    @Test
    void readsTheContractExample()
    {
        CatalogFile file = CatalogFileParser.parse("tables.yaml", CONTRACT_EXAMPLE);

        assertThat(file.tables()).hasSize(2);
        TableDefinition points = file.tables().get(0);
        assertThat(points.name()).isEqualTo("team_points");
        assertThat(points.shortName()).contains("points");
        assertThat(points.dataset()).contains("my_analytics");
        assertThat(points.partitionColumn()).isEqualTo("game_date");
        assertThat(points.columns()).containsExactly(
                Column.required("game_date", ColumnType.DATE),
                Column.required("team_abbr", ColumnType.STRING),
                Column.nullable("points", ColumnType.INT64));
        assertThat(points.dependsOn()).containsExactly(new Dependency("team_offense", -30, -1));
        assertThat(points.gamesOnly()).isTrue();
        assertThat(points.expectedRows().orElseThrow().forDialect(SqlDialect.EMBEDDED).orElseThrow()).contains("2 * COUNT(*)");
        assertThat(points.kind()).isInstanceOfSatisfying(TableKind.Sql.class, sql -> {
            assertThat(sql.select().isPortable()).isTrue();
            assertThat(sql.select().forDialect(SqlDialect.BIGQUERY).orElseThrow()).startsWith("SELECT game_date, team_abbr, assists AS points");
        });

        TableDefinition program = file.tables().get(1);
        assertThat(program.shortName()).isEmpty();
        assertThat(program.dataset()).isEmpty();
        assertThat(program.ref().toString()).isEqualTo("nba_analytics.per_date_program");
        assertThat(program.gamesOnly()).isFalse();
        assertThat(program.kind()).isEqualTo(new TableKind.Command(List.of("python3", "points.py", "--date", "{date}"), Duration.ofSeconds(30)));
    }

    @Test
    void aCommandWithoutTimeoutGetsTenMinutesAndSqlMayDifferPerDialect()
    {
        CatalogFile file = CatalogFileParser.parse("t.yaml", """
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    command: [./a.sh]
                  b:
                    columns: {game_date: DATE REQUIRED, n: int64 nullable}
                    sql:
                      bigquery: SELECT @date AS game_date, 1 AS n
                      embedded: SELECT @date AS game_date, 2 AS n
                """);

        assertThat(((TableKind.Command) file.tables().get(0).kind()).timeout()).isEqualTo(Duration.ofSeconds(600));
        DialectSql select = ((TableKind.Sql) file.tables().get(1).kind()).select();
        assertThat(select.isPortable()).isFalse();
        assertThat(select.forDialect(SqlDialect.BIGQUERY)).contains("SELECT @date AS game_date, 1 AS n");
        assertThat(select.forDialect(SqlDialect.EMBEDDED)).contains("SELECT @date AS game_date, 2 AS n");
        assertThat(file.tables().get(1).columns().get(1)).isEqualTo(Column.nullable("n", ColumnType.INT64));
    }

    @Test
    void refusesAnUnknownKeyNamingFileLineAndKey()
    {
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    comand: [x]
                """, "t.yaml:4: tables.a.comand: unknown key 'comand' (known: columns, command, dataset, depends_on, expected_rows, games_only, "
                + "partition_column, short_name, sql, timeout_seconds)");
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    sql: SELECT 1
                version: 2
                """, "t.yaml:5: version: unknown key 'version' (known: tables)");
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    sql: {bigquery: SELECT 1, duckdb: SELECT 2}
                """, "t.yaml:4: tables.a.sql.duckdb: unknown key 'duckdb' (known: bigquery, embedded)");
    }

    @Test
    void refusesAnUnknownTypeOrMode()
    {
        assertRefused("""
                tables:
                  a:
                    columns:
                      game_date: DATE REQUIRED
                      points: INT
                    sql: SELECT 1
                """, "t.yaml:5: tables.a.columns.points: unknown type 'INT' (types: " + String.join(" ",
                java.util.Arrays.stream(ColumnType.values()).map(Enum::name).toList()) + ")");
        assertRefused("""
                tables:
                  a:
                    columns:
                      game_date: DATE MANDATORY
                    sql: SELECT 1
                """, "t.yaml:4: tables.a.columns.game_date: unknown mode 'MANDATORY' (REQUIRED or NULLABLE)");
    }

    @Test
    void refusesAColumnNamedByAReservedWord()
    {
        assertRefused("""
                tables:
                  a:
                    columns:
                      game_date: DATE REQUIRED
                      table: STRING
                    sql: SELECT 1
                """, "t.yaml:5: tables.a.columns.table: 'table' is a reserved word of SQL (BigQuery or SQLite); pick another column name");
    }

    @Test
    void refusesBothSqlAndCommandOrNeither()
    {
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    sql: SELECT 1
                    command: [x]
                """, "t.yaml:5: tables.a.command: a table has exactly one of sql and command, not both");
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                """, "t.yaml:2: tables.a: needs exactly one of 'sql:' (a SELECT of the date's rows) and 'command:' (a program printing them as JSON lines)");
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    sql: SELECT 1
                    timeout_seconds: 5
                """, "t.yaml:5: tables.a.timeout_seconds: applies to a command only (a SQL table's write is bounded by backfill.bigquery-write-timeout-seconds)");
    }

    @Test
    void refusesValuesOfTheWrongShape()
    {
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    games_only: yes please
                    sql: SELECT 1
                """, "t.yaml:4: tables.a.games_only: 'yes please' is not true or false");
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    depends_on:
                      b: [-1]
                    sql: SELECT 1
                """, "t.yaml:5: tables.a.depends_on.b: a window is [first, last] in days relative to the date, e.g. [-30, -1] or [0, 0]");
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    depends_on:
                      b: [0, -1]
                    sql: SELECT 1
                """, "t.yaml:5: tables.a.depends_on.b: the window [0, -1] ends before it starts");
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    command: [x]
                    timeout_seconds: 0
                """, "t.yaml:5: tables.a.timeout_seconds: 0 is out of range (1 to 86400)");
        assertRefused("""
                tables:
                  Bad-Name:
                    columns: {game_date: DATE REQUIRED}
                    sql: SELECT 1
                """, "t.yaml:2: tables.Bad-Name: 'Bad-Name' is not a table name: lower snake case, a letter then letters, digits and _ (at most 128)");
    }

    @Test
    void refusesAMissingOrWrongPartitionColumn()
    {
        assertRefused("""
                tables:
                  a:
                    columns: {day: DATE REQUIRED}
                    sql: SELECT 1
                """, "t.yaml:3: tables.a.columns: has no column 'game_date', the partition column; add it as 'game_date: DATE REQUIRED'");
        assertRefused("""
                tables:
                  a:
                    partition_column: day
                    columns:
                      day: DATE
                    sql: SELECT 1
                """, "t.yaml:5: tables.a.columns.day: the partition column must be 'DATE REQUIRED'");
    }

    @Test
    void refusesKeysGivenTwiceAndBrokenYaml()
    {
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    sql: SELECT 1
                    sql: SELECT 2
                """, "t.yaml:5: tables.a.sql: 'sql' is given twice");
        assertThatThrownBy(() -> CatalogFileParser.parse("t.yaml", "tables:\n  a: [unclosed\n"))
                .isInstanceOf(CatalogFileException.class)
                .hasMessageStartingWith("t.yaml:3: not valid YAML: ");
        assertRefused("", "t.yaml:1: the file is empty; it needs a 'tables:' map");
        assertRefused("tables: {}\n", "t.yaml:1: tables: defines no table");
    }

    @Test
    void aRefusalIsAUserError()
    {
        assertThatThrownBy(() -> CatalogFileParser.parse("t.yaml", "tables: [a]\n"))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.USER));
    }

    @Test
    void aDependencyWindowMapsDatesBothWays()
    {
        Dependency window = new Dependency("t", -30, -1);
        LocalDate date = LocalDate.of(2024, 3, 31);

        assertThat(window.upstreamDates(date)).hasSize(30).startsWith(LocalDate.of(2024, 3, 1)).endsWith(LocalDate.of(2024, 3, 30));
        assertThat(window.dependentDates(LocalDate.of(2024, 3, 1))).hasSize(30)
                .startsWith(LocalDate.of(2024, 3, 2)).endsWith(LocalDate.of(2024, 3, 31));
        assertThat(new Dependency("t", 0, 0).upstreamDates(date)).containsExactly(date);
        assertThat(new Dependency("t", 0, 0).dependentDates(date)).containsExactly(date);
        assertThat(Optional.of(window).map(Dependency::toString)).contains("t [-30, -1]");
    }

    static void assertRefused(String yaml, String message)
    {
        assertThatThrownBy(() -> CatalogFileParser.parse("t.yaml", yaml))
                .isInstanceOf(CatalogFileException.class)
                .hasMessage(message);
    }
}
