package dev.backfillfleet.catalog;

import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.warehouse.TableSchema;

import java.util.List;
import java.util.Optional;

/**
 * The tables the fleet computes with its own Java processors (analytics-tables.md), as catalog
 * entries like any other: the five analytics tables and {@code synthetic}. Their columns are the
 * schemas of {@link AnalyticsSchemas}; the worker finds each one's processor by name.
 */
public final class BuiltInTables
{
    public static final String TEAM_OFFENSE = "team_offense_game_summary";
    public static final String TEAM_DEFENSE = "team_defense_game_summary";
    public static final String PLAYER_SUMMARY = "player_game_summary";
    public static final String UPCOMING_PLAYER = "upcoming_player_game_context";
    public static final String UPCOMING_TEAM = "upcoming_team_game_context";

    private BuiltInTables() {}

    public static List<TableDefinition> all()
    {
        return List.of(
                builtIn(AnalyticsSchemas.teamOffense(), "team_offense", List.of()),
                builtIn(AnalyticsSchemas.teamDefense(), "team_defense", List.of()),
                builtIn(AnalyticsSchemas.playerSummary(), "player_summary", List.of(new Dependency(TEAM_OFFENSE, 0, 0))),
                builtIn(AnalyticsSchemas.upcomingPlayer(), "upcoming_player", List.of(
                        new Dependency(PLAYER_SUMMARY, -30, -1),
                        new Dependency(TEAM_OFFENSE, -30, -1),
                        new Dependency(TEAM_DEFENSE, -30, -1))),
                builtIn(AnalyticsSchemas.upcomingTeam(), "upcoming_team", List.of()),
                new TableDefinition(TableCatalog.SYNTHETIC, Optional.empty(), Optional.empty(), TableDefinition.DEFAULT_PARTITION_COLUMN,
                        AnalyticsSchemas.synthetic().columns(), List.of(), false, Optional.empty(), new TableKind.BuiltIn()));
    }

    public static TableCatalog catalog()
    {
        return TableCatalog.builtIn(all());
    }

    private static TableDefinition builtIn(TableSchema schema, String shortName, List<Dependency> dependsOn)
    {
        return new TableDefinition(schema.ref().table(), Optional.of(shortName), Optional.empty(), schema.partitionColumn().orElseThrow(),
                schema.columns(), dependsOn, false, Optional.empty(), new TableKind.BuiltIn());
    }
}
