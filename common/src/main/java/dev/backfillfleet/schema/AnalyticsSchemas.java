package dev.backfillfleet.schema;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.warehouse.Column;
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
            case TEAM_DEFENSE -> Optional.of(teamDefense());
            case PLAYER_SUMMARY -> Optional.of(playerSummary());
            case UPCOMING_PLAYER -> Optional.of(upcomingPlayer());
            case UPCOMING_TEAM -> Optional.of(upcomingTeam());
            case SYNTHETIC -> Optional.of(synthetic());
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
        return TableSchema.partitioned(ref(AnalyticsTable.TEAM_OFFENSE), "game_date", columns(gameColumns(), matchupColumns("team_abbr"), List.of(
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
                required("processed_at", TIMESTAMP))));
    }

    public static TableSchema teamDefense()
    {
        return TableSchema.partitioned(ref(AnalyticsTable.TEAM_DEFENSE), "game_date", columns(gameColumns(), matchupColumns("defending_team_abbr"), List.of(
                required("points_allowed", INT64),
                required("opp_fg_made", INT64),
                required("opp_fg_attempted", INT64),
                required("opp_three_pt_made", INT64),
                required("opp_three_pt_attempted", INT64),
                required("opp_ft_made", INT64),
                required("opp_ft_attempted", INT64),
                required("opp_offensive_rebounds", INT64),
                required("opp_total_rebounds", INT64),
                required("opp_assists", INT64),
                required("turnovers_forced", INT64),
                required("fouls_committed", INT64),
                required("steals", INT64),
                required("blocks", INT64),
                required("defensive_rebounds", INT64),
                required("opp_possessions", FLOAT64),
                nullable("defensive_rating", FLOAT64),
                nullable("opponent_pace", FLOAT64),
                nullable("opponent_ts_pct", FLOAT64),
                nullable("opp_paint_attempted", INT64),
                nullable("opp_paint_made", INT64),
                nullable("opp_mid_range_attempted", INT64),
                nullable("opp_mid_range_made", INT64),
                nullable("points_in_paint_allowed", INT64),
                nullable("mid_range_points_allowed", INT64),
                required("three_pt_points_allowed", INT64),
                nullable("blocks_paint", INT64),
                nullable("blocks_mid_range", INT64),
                nullable("blocks_three_pt", INT64),
                required("win_flag", BOOL),
                required("margin", INT64),
                required("overtime_periods", INT64),
                required("data_source", STRING),
                required("quality_tier", STRING),
                required("row_hash", STRING),
                required("processed_at", TIMESTAMP))));
    }

    public static TableSchema playerSummary()
    {
        return TableSchema.partitioned(ref(AnalyticsTable.PLAYER_SUMMARY), "game_date", columns(gameColumns(), playerColumns(), matchupColumns("team_abbr"), List.of(
                required("player_status", STRING),
                required("is_dnp", BOOL),
                nullable("starter", BOOL),
                nullable("minutes_played", FLOAT64),
                nullable("points", INT64),
                nullable("fg_made", INT64),
                nullable("fg_attempted", INT64),
                nullable("three_pt_made", INT64),
                nullable("three_pt_attempted", INT64),
                nullable("ft_made", INT64),
                nullable("ft_attempted", INT64),
                nullable("offensive_rebounds", INT64),
                nullable("defensive_rebounds", INT64),
                nullable("total_rebounds", INT64),
                nullable("assists", INT64),
                nullable("steals", INT64),
                nullable("blocks", INT64),
                nullable("turnovers", INT64),
                nullable("personal_fouls", INT64),
                nullable("plus_minus", INT64),
                nullable("ts_pct", FLOAT64),
                nullable("efg_pct", FLOAT64),
                nullable("usage_rate", FLOAT64),
                nullable("points_line", FLOAT64),
                nullable("over_under_result", STRING),
                required("win_flag", BOOL),
                required("row_hash", STRING),
                required("processed_at", TIMESTAMP))));
    }

    public static TableSchema upcomingPlayer()
    {
        return TableSchema.partitioned(ref(AnalyticsTable.UPCOMING_PLAYER), "game_date", columns(gameColumns(), playerColumns(), matchupColumns("team_abbr"), List.of(
                nullable("start_time_et", TIMESTAMP),
                nullable("days_since_last_game", INT64),
                nullable("days_rest", INT64),
                required("back_to_back", BOOL),
                required("games_in_last_7_days", INT64),
                required("games_in_last_14_days", INT64),
                required("minutes_in_last_7_days", FLOAT64),
                required("minutes_in_last_14_days", FLOAT64),
                required("back_to_backs_last_14_days", INT64),
                nullable("points_avg_last_5", FLOAT64),
                nullable("points_avg_last_10", FLOAT64),
                required("games_used_last_5", INT64),
                required("games_used_last_10", INT64),
                nullable("points_std_last_10", FLOAT64),
                nullable("current_points_line", FLOAT64),
                nullable("opening_points_line", FLOAT64),
                nullable("points_line_bookmaker", STRING),
                nullable("line_movement", FLOAT64),
                required("prop_over_streak", INT64),
                required("prop_under_streak", INT64),
                nullable("game_spread", FLOAT64),
                nullable("opening_spread", FLOAT64),
                nullable("spread_movement", FLOAT64),
                nullable("game_total", FLOAT64),
                nullable("opening_total", FLOAT64),
                nullable("total_movement", FLOAT64),
                nullable("opponent_pace_last_10", FLOAT64),
                nullable("opponent_off_rating_last_10", FLOAT64),
                nullable("opponent_def_rating_last_10", FLOAT64),
                nullable("pace_differential", FLOAT64),
                required("player_status", STRING),
                nullable("injury_reason", STRING),
                required("star_teammates_out", INT64),
                required("quality_tier", STRING),
                required("is_production_ready", BOOL),
                required("row_hash", STRING),
                required("processed_at", TIMESTAMP))));
    }

    public static TableSchema upcomingTeam()
    {
        return TableSchema.partitioned(ref(AnalyticsTable.UPCOMING_TEAM), "game_date", columns(gameColumns(), matchupColumns("team_abbr"), List.of(
                nullable("start_time_et", TIMESTAMP),
                nullable("days_since_last_game", INT64),
                nullable("days_rest", INT64),
                required("back_to_back", BOOL),
                required("games_in_last_7_days", INT64),
                required("games_in_last_14_days", INT64),
                required("game_number_in_season", INT64),
                required("win_streak_entering", INT64),
                required("loss_streak_entering", INT64),
                nullable("last_game_margin", INT64),
                nullable("last_game_result", STRING),
                required("consecutive_road_games", INT64),
                nullable("travel_miles", INT64),
                nullable("time_zones_crossed", INT64),
                nullable("opponent_days_rest", INT64),
                nullable("rest_advantage", INT64),
                nullable("game_spread", FLOAT64),
                nullable("opening_spread", FLOAT64),
                nullable("spread_movement", FLOAT64),
                nullable("game_total", FLOAT64),
                nullable("opening_total", FLOAT64),
                nullable("total_movement", FLOAT64),
                required("players_out_count", INT64),
                required("players_questionable_count", INT64),
                required("quality_tier", STRING),
                required("row_hash", STRING),
                required("processed_at", TIMESTAMP))));
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

    /** The identity every output row starts with: both game id forms, the date and the season. */
    private static List<Column> gameColumns()
    {
        return List.of(
                required("game_id", STRING),
                required("nba_game_id", STRING),
                required("game_date", DATE),
                required("season_year", INT64));
    }

    private static List<Column> playerColumns()
    {
        return List.of(
                required("player_lookup", STRING),
                required("player_name", STRING));
    }

    /** The row's team (named {@code teamColumn}), its opponent, and whether it played at home. */
    private static List<Column> matchupColumns(String teamColumn)
    {
        return List.of(
                required(teamColumn, STRING),
                required("opponent_team_abbr", STRING),
                required("home_game", BOOL));
    }

    @SafeVarargs
    private static List<Column> columns(List<Column>... groups)
    {
        return java.util.Arrays.stream(groups).flatMap(List::stream).toList();
    }
}
