package dev.backfillfleet.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.backfillfleet.catalog.CatalogChanges.Change.ADDED;
import static dev.backfillfleet.catalog.CatalogChanges.Change.CHANGED;
import static dev.backfillfleet.catalog.CatalogChanges.Change.REMOVED;
import static dev.backfillfleet.catalog.CatalogChanges.Change.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTableCatalog
{
    private static final String POINTS = """
            tables:
              team_points:
                short_name: points
                columns: {game_date: DATE REQUIRED, team_abbr: STRING REQUIRED, points: INT64}
                depends_on: {team_offense: [-30, -1]}
                sql: SELECT game_date, team_abbr, points_scored AS points FROM {{team_offense}} WHERE game_date = @date
              points_rank:
                columns: {game_date: DATE REQUIRED, team_abbr: STRING REQUIRED}
                depends_on: {points: [0, 0]}
                command: [python3, rank.py, "{date}"]
            """;

    @Test
    void theBuiltInTablesAreEntriesOfVersionZero()
    {
        TableCatalog catalog = BuiltInTables.catalog();

        assertThat(catalog.version()).isZero();
        assertThat(catalog.find("team_offense").orElseThrow().name()).isEqualTo("team_offense_game_summary");
        assertThat(catalog.find("UPCOMING_PLAYER_GAME_CONTEXT").orElseThrow().version()).isZero();
        assertThat(catalog.all()).extracting(TableDefinition::name).doesNotContain(TableCatalog.SYNTHETIC)
                .containsExactlyInAnyOrder("team_offense_game_summary", "team_defense_game_summary", "player_game_summary",
                        "upcoming_player_game_context", "upcoming_team_game_context");
        assertThat(catalog.all().indexOf(catalog.definition("player_game_summary")))
                .isGreaterThan(catalog.all().indexOf(catalog.definition("team_offense_game_summary")));
        assertThat(catalog.depth("upcoming_player_game_context")).isEqualTo(2);
        assertThat(catalog.dependentsOf("team_offense_game_summary").keySet()).extracting(TableDefinition::name)
                .containsExactlyInAnyOrder("player_game_summary", "upcoming_player_game_context");
    }

    @Test
    void applyingAFileAddsItsTablesOneVersionLaterWithUpstreamsByTheirNames()
    {
        CatalogChanges changes = BuiltInTables.catalog().apply(CatalogFileParser.parse("t.yaml", POINTS));

        TableCatalog after = changes.after();
        assertThat(after.version()).isEqualTo(1);
        assertThat(changes.changes()).extracting(CatalogChanges.TableChange::change).containsExactly(ADDED, ADDED);
        assertThat(after.find("points").orElseThrow().version()).isEqualTo(1);
        assertThat(after.definition("team_points").dependsOn()).containsExactly(new Dependency("team_offense_game_summary", -30, -1));
        assertThat(after.definition("points_rank").dependsOn()).containsExactly(new Dependency("team_points", 0, 0));
        assertThat(after.all()).extracting(TableDefinition::name).endsWith("points_rank");
        assertThat(after.depth("points_rank")).isEqualTo(2);
    }

    @Test
    void anUnchangedTableKeepsItsVersionAChangedOneTakesTheNewOneAndAnAbsentOneIsRemoved()
    {
        TableCatalog first = BuiltInTables.catalog().apply(CatalogFileParser.parse("t.yaml", POINTS)).after();
        String changedSql = POINTS.replace("points_scored AS points", "points_scored + 0 AS points")
                .replace("""
                          points_rank:
                            columns: {game_date: DATE REQUIRED, team_abbr: STRING REQUIRED}
                            depends_on: {points: [0, 0]}
                            command: [python3, rank.py, "{date}"]
                        """, "");

        CatalogChanges second = first.apply(CatalogFileParser.parse("t.yaml", changedSql));
        assertThat(second.after().version()).isEqualTo(2);
        assertThat(second.changes()).extracting(CatalogChanges.TableChange::table, CatalogChanges.TableChange::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("team_points", CHANGED), org.assertj.core.groups.Tuple.tuple("points_rank", REMOVED));
        assertThat(second.after().find("points_rank")).isEmpty();
        assertThat(second.after().find("team_points").orElseThrow().version()).isEqualTo(2);

        CatalogChanges again = second.after().apply(CatalogFileParser.parse("t.yaml", changedSql));
        assertThat(again.changesAnything()).isFalse();
        assertThat(again.changes()).extracting(CatalogChanges.TableChange::change).containsExactly(UNCHANGED);
        assertThat(again.after().find("team_points").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void refusesACycleAnUnknownUpstreamAndAClashingName()
    {
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    depends_on: {b: [-1, -1]}
                    sql: SELECT 1
                  b:
                    columns: {game_date: DATE REQUIRED}
                    depends_on:
                      a: [0, 0]
                    sql: SELECT 1
                """, "t.yaml:4: tables.a.depends_on.b: the tables depend on each other in a cycle: a -> b -> a");
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    depends_on:
                      a: [-1, -1]
                    sql: SELECT 1
                """, "t.yaml:5: tables.a.depends_on.a: the tables depend on each other in a cycle: a -> a");
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    depends_on:
                      team_ofense: [0, 0]
                    sql: SELECT 1
                """, "t.yaml:5: tables.a.depends_on.team_ofense: unknown upstream 'team_ofense'; tables: a, player_game_summary, player_summary, "
                + "synthetic, team_defense, team_defense_game_summary, team_offense, team_offense_game_summary, upcoming_player, "
                + "upcoming_player_game_context, upcoming_team, upcoming_team_game_context");
        assertRefused("""
                tables:
                  team_offense_game_summary:
                    columns: {game_date: DATE REQUIRED}
                    sql: SELECT 1
                """, "t.yaml:2: tables.team_offense_game_summary: 'team_offense_game_summary' already names a table; "
                + "names and short names are unique among all tables, the built-in ones included");
        assertRefused("""
                tables:
                  a:
                    short_name: team_defense
                    columns: {game_date: DATE REQUIRED}
                    sql: SELECT 1
                """, "t.yaml:3: tables.a.short_name: 'team_defense' already names table team_defense_game_summary; "
                + "names and short names are unique among all tables, the built-in ones included");
    }

    @Test
    void refusesSqlThatNamesNoTable()
    {
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    sql: SELECT * FROM {{team_ofense}}
                """, "t.yaml:4: tables.a.sql: {{team_ofense}} names no table of the catalog; use a table's name or short name, or {{dataset.table}}");
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    sql:
                      embedded: SELECT * FROM {{ a b }}
                """, "t.yaml:5: tables.a.sql.embedded: '{{a b}}' is not a table reference: {{name}} or {{dataset.table}}");
        assertRefused("""
                tables:
                  a:
                    columns: {game_date: DATE REQUIRED}
                    sql: SELECT 1
                    expected_rows: SELECT count(*) FROM {{nba_raw.nbac_schedule} WHERE game_date = @date
                """, "t.yaml:5: tables.a.expected_rows: unbalanced {{ }} in the SQL: a table reference is {{name}} or {{dataset.table}}");
    }

    @Test
    void aTemplateRendersItsReferences()
    {
        SqlTemplate template = SqlTemplate.parse("SELECT * FROM {{ Team_Offense }} t JOIN {{nba_raw.nbac_schedule}} s USING (game_date) WHERE game_date = @date");

        assertThat(template.references()).containsExactly("team_offense", "nba_raw.nbac_schedule");
        assertThat(template.render(reference -> "`p." + reference + "`"))
                .isEqualTo("SELECT * FROM `p.team_offense` t JOIN `p.nba_raw.nbac_schedule` s USING (game_date) WHERE game_date = @date");
        assertThat(SqlTemplate.parse("SELECT '$1\\\\' FROM {{a}}").render(reference -> "x$y")).isEqualTo("SELECT '$1\\\\' FROM x$y");
        assertThat(List.of(SqlTemplate.parse("SELECT 1").references())).containsExactly(List.of());
    }

    private static void assertRefused(String yaml, String message)
    {
        assertThatThrownBy(() -> BuiltInTables.catalog().apply(CatalogFileParser.parse("t.yaml", yaml)))
                .isInstanceOf(CatalogFileException.class)
                .hasMessage(message);
    }
}
