package dev.backfillfleet.schema;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.backfillfleet.schema.AnalyticsSchemas.ref;

/**
 * The clustering columns of each table, in priority order: the warehouse creates tables with
 * them and infra/ deploys the same (both read this list). Every table is already partitioned
 * by day on {@code game_date}, and the fleet reads and writes whole partitions; clustering is
 * for the people and tools that query the tables by team, player or game inside a date range.
 * BigQuery allows at most four top-level columns and no FLOAT64
 * (https://cloud.google.com/bigquery/docs/clustered-tables#limitations).
 */
public final class TableClustering
{
    public static final int MAX_COLUMNS = 4;
    public static final Set<ColumnType> CLUSTERABLE_TYPES = EnumSet.of(ColumnType.STRING, ColumnType.INT64, ColumnType.BOOL, ColumnType.DATE, ColumnType.TIMESTAMP);

    private static final Map<TableRef, List<String>> COLUMNS = Map.ofEntries(
            Map.entry(RawTables.SCHEDULE, List.of("home_team_tricode", "away_team_tricode")),
            Map.entry(RawTables.TEAM_BOXSCORE, List.of("game_id", "team_abbr")),
            Map.entry(RawTables.GAMEBOOK_PLAYER_STATS, List.of("team_abbr", "player_status")),
            Map.entry(RawTables.PLAY_BY_PLAY, List.of("home_team_abbr", "away_team_abbr")),
            Map.entry(RawTables.PLAYER_POINTS_PROPS, List.of("player_lookup", "game_date", "bookmaker")),
            Map.entry(RawTables.GAME_LINES, List.of("bookmaker_key", "market_key", "snapshot_timestamp")),
            Map.entry(RawTables.INJURY_REPORT, List.of("player_lookup", "injury_status")),
            Map.entry(ref(AnalyticsTable.TEAM_OFFENSE), List.of("team_abbr", "opponent_team_abbr")),
            Map.entry(ref(AnalyticsTable.TEAM_DEFENSE), List.of("defending_team_abbr", "opponent_team_abbr")),
            Map.entry(ref(AnalyticsTable.PLAYER_SUMMARY), List.of("player_lookup", "team_abbr")),
            Map.entry(ref(AnalyticsTable.UPCOMING_PLAYER), List.of("player_lookup", "team_abbr")),
            Map.entry(ref(AnalyticsTable.UPCOMING_TEAM), List.of("team_abbr", "opponent_team_abbr")));

    private TableClustering() {}

    /**
     * The clustering columns of {@code table}, checked against its schema; empty for a table
     * without (the static travel table is tiny, the synthetic one has one row per date).
     */
    public static List<String> columns(TableSchema table)
    {
        List<String> columns = COLUMNS.getOrDefault(table.ref(), List.of());
        if (columns.size() > MAX_COLUMNS) {
            throw new IllegalStateException(table.ref() + ": BigQuery clusters on at most " + MAX_COLUMNS + " columns: " + columns);
        }
        for (String name : columns) {
            ColumnType type = table.column(name)
                    .orElseThrow(() -> new IllegalStateException(table.ref() + ": clustering column '" + name + "' is not in the schema"))
                    .type();
            if (!CLUSTERABLE_TYPES.contains(type)) {
                throw new IllegalStateException(table.ref() + ": BigQuery cannot cluster on " + type + " column '" + name + "'");
            }
        }
        return columns;
    }
}
