package dev.backfillfleet.schema;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.backfillfleet.warehouse.Column.nullable;
import static dev.backfillfleet.warehouse.Column.required;
import static dev.backfillfleet.warehouse.ColumnType.BOOL;
import static dev.backfillfleet.warehouse.ColumnType.DATE;
import static dev.backfillfleet.warehouse.ColumnType.FLOAT64;
import static dev.backfillfleet.warehouse.ColumnType.INT64;
import static dev.backfillfleet.warehouse.ColumnType.STRING;
import static dev.backfillfleet.warehouse.ColumnType.TIMESTAMP;

/** The output tables (dataset {@code nba_analytics}), each partitioned by {@code game_date}. */
public final class AnalyticsSchemas
{
    private AnalyticsSchemas() {}

    public static TableRef ref(AnalyticsTable table)
    {
        return new TableRef(AnalyticsTable.DATASET, table.tableName());
    }

    /** The schema of a table whose processor exists. */
    public static Optional<TableSchema> forTable(AnalyticsTable table)
    {
        return switch (table) {
            case TEAM_OFFENSE -> Optional.of(teamOffense());
            case SYNTHETIC -> Optional.of(synthetic());
            case TEAM_DEFENSE, PLAYER_SUMMARY, UPCOMING_PLAYER, UPCOMING_TEAM -> Optional.empty();
        };
    }

    public static List<TableSchema> all()
    {
        return Arrays.stream(AnalyticsTable.values())
                .map(AnalyticsSchemas::forTable)
                .flatMap(Optional::stream)
                .toList();
    }

    public static TableSchema teamOffense()
    {
        return TableSchema.partitioned(ref(AnalyticsTable.TEAM_OFFENSE), "game_date", List.of(
                required("game_id", STRING),
                required("nba_game_id", STRING),
                required("game_date", DATE),
                required("season_year", INT64),
                required("team_abbr", STRING),
                required("opponent_team_abbr", STRING),
                required("home_game", BOOL),
                required("points", INT64),
                required("fg_made", INT64),
                required("fg_attempted", INT64),
                required("three_pt_made", INT64),
                required("three_pt_attempted", INT64),
                required("ft_made", INT64),
                required("ft_attempted", INT64),
                required("offensive_rebounds", INT64),
                required("defensive_rebounds", INT64),
                required("total_rebounds", INT64),
                required("assists", INT64),
                required("turnovers", INT64),
                required("steals", INT64),
                required("blocks", INT64),
                required("personal_fouls", INT64),
                required("possessions", FLOAT64),
                nullable("offensive_rating", FLOAT64),
                nullable("pace", FLOAT64),
                nullable("ts_pct", FLOAT64),
                nullable("efg_pct", FLOAT64),
                required("overtime_periods", INT64),
                required("win_flag", BOOL),
                required("margin", INT64),
                required("data_source", STRING),
                required("quality_tier", STRING),
                required("row_hash", STRING),
                required("processed_at", TIMESTAMP)));
    }

    /** One row per date, written by the synthetic processor that exercises the fleet itself. */
    public static TableSchema synthetic()
    {
        return TableSchema.partitioned(ref(AnalyticsTable.SYNTHETIC), "game_date", List.of(
                required("game_date", DATE),
                required("run_id", STRING),
                required("worker_id", STRING),
                required("attempt", INT64),
                required("row_hash", STRING),
                required("processed_at", TIMESTAMP)));
    }
}
