package dev.backfillfleet.catalog;

import dev.backfillfleet.domain.AnalyticsTable;
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
    private static final String TEAM_OFFENSE = AnalyticsTable.TEAM_OFFENSE.tableName();
    private static final String TEAM_DEFENSE = AnalyticsTable.TEAM_DEFENSE.tableName();
    private static final String PLAYER_SUMMARY = AnalyticsTable.PLAYER_SUMMARY.tableName();

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

    /** The five analytics tables, upstream tables first: what {@code --table all} means before any file is applied. */
    public static List<AnalyticsTable> analyticsTables()
    {
        return catalog().all().stream().map(TableDefinition::table).toList();
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
