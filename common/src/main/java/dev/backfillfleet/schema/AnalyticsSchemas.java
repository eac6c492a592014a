package dev.backfillfleet.schema;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;

import java.util.List;
import java.util.Optional;

import static dev.backfillfleet.warehouse.Column.nullable;
import static dev.backfillfleet.warehouse.Column.nullableNumeric;
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

    /** The schema of a built-in table (the catalog has every table's, the user's too). */
    public static Optional<TableSchema> forTable(AnalyticsTable table)
    {
        return all().stream().filter(schema -> schema.ref().table().equals(table.tableName())).findFirst();
    }

    /** The built-in tables' schemas: the five analytics tables and synthetic. */
    public static List<TableSchema> all()
    {
        return List.of(teamOffense(), teamDefense(), playerSummary(), upcomingPlayer(), upcomingTeam(), synthetic());
    }

    public static TableSchema teamOffense()
    {
        return TableSchema.partitioned(ref(AnalyticsTable.TEAM_OFFENSE), "game_date", columns(gameColumns(), matchupColumns("team_abbr"), List.of(
                required("points_scored", INT64),
                required("fg_makes", INT64),
                required("fg_attempts", INT64),
                required("three_pt_makes", INT64),
                required("three_pt_attempts", INT64),
                required("ft_makes", INT64),
                required("ft_attempts", INT64),
                required("offensive_rebounds", INT64),
                required("defensive_rebounds", INT64),
                required("rebounds", INT64),
                required("assists", INT64),
                required("turnovers", INT64),
                required("steals", INT64),
                required("blocks", INT64),
                required("personal_fouls", INT64),
                // real: INT64; ours has a decimal (FGA + 0.44 x FTA - OREB + TOV), so it stays FLOAT64
                required("possessions", FLOAT64),
                nullableNumeric("offensive_rating", 6, 2),
                nullableNumeric("pace", 5, 1),
                nullableNumeric("ts_pct", 5, 3),
                // no real counterpart: NUMERIC as ts_pct here and efg_pct in player_game_summary
                nullableNumeric("efg_pct", 5, 3),
                required("overtime_periods", INT64),
                required("win_flag", BOOL),
                required("margin_of_victory", INT64),
                required("primary_source_used", STRING),
                required("quality_tier", STRING),
                required("data_hash", STRING),
                required("processed_at", TIMESTAMP))));
    }

    public static TableSchema teamDefense()
    {
        return TableSchema.partitioned(ref(AnalyticsTable.TEAM_DEFENSE), "game_date", columns(gameColumns(), matchupColumns("defending_team_abbr"), List.of(
                required("points_allowed", INT64),
                required("opp_fg_makes", INT64),
                required("opp_fg_attempts", INT64),
                required("opp_three_pt_makes", INT64),
                required("opp_three_pt_attempts", INT64),
                required("opp_ft_makes", INT64),
                required("opp_ft_attempts", INT64),
                required("opp_offensive_rebounds", INT64),
                required("opp_rebounds", INT64),
                required("opp_assists", INT64),
                required("turnovers_forced", INT64),
                required("fouls_committed", INT64),
                required("steals", INT64),
                required("blocks", INT64),
                required("defensive_rebounds", INT64),
                required("opp_possessions", FLOAT64),
                nullableNumeric("defensive_rating", 6, 2),
                nullableNumeric("opponent_pace", 5, 1),
                nullableNumeric("opponent_ts_pct", 5, 3),
                nullable("opp_paint_attempts", INT64),
                nullable("opp_paint_makes", INT64),
                nullable("opp_mid_range_attempts", INT64),
                nullable("opp_mid_range_makes", INT64),
                nullable("points_in_paint_allowed", INT64),
                nullable("mid_range_points_allowed", INT64),
                required("three_pt_points_allowed", INT64),
                nullable("blocks_paint", INT64),
                nullable("blocks_mid_range", INT64),
                nullable("blocks_three_pt", INT64),
                required("win_flag", BOOL),
                required("margin_of_victory", INT64),
                required("overtime_periods", INT64),
                required("primary_source_used", STRING),
                required("quality_tier", STRING),
                required("data_hash", STRING),
                required("processed_at", TIMESTAMP))));
    }

    public static TableSchema playerSummary()
    {
        return TableSchema.partitioned(ref(AnalyticsTable.PLAYER_SUMMARY), "game_date", columns(gameColumns(), List.of(
                required("player_lookup", STRING),
                required("player_full_name", STRING)), matchupColumns("team_abbr"), List.of(
                required("player_status", STRING),
                required("is_dnp", BOOL),
                // not the real starter_flag (minutes > 20): no real table says who started (real-warehouse.md 1.3)
                nullable("starter", BOOL),
                nullableNumeric("minutes_played", 5, 1),
                nullable("points", INT64),
                nullable("fg_makes", INT64),
                nullable("fg_attempts", INT64),
                nullable("three_pt_makes", INT64),
                nullable("three_pt_attempts", INT64),
                nullable("ft_makes", INT64),
                nullable("ft_attempts", INT64),
                nullable("offensive_rebounds", INT64),
                nullable("defensive_rebounds", INT64),
                nullable("total_rebounds", INT64),
                nullable("assists", INT64),
                nullable("steals", INT64),
                nullable("blocks", INT64),
                nullable("turnovers", INT64),
                nullable("personal_fouls", INT64),
                nullable("plus_minus", INT64),
                nullableNumeric("ts_pct", 5, 3),
                nullableNumeric("efg_pct", 5, 3),
                // real NUMERIC(6,2); ours is at 1 decimal, stored exactly at 2
                nullableNumeric("usage_rate", 6, 2),
                nullableNumeric("points_line", 4, 1),
                nullable("over_under_result", STRING),
                required("win_flag", BOOL),
                required("data_hash", STRING),
                required("processed_at", TIMESTAMP))));
    }

    /**
     * Lines, spreads, totals and form are NUMERIC: at the real scale, or at ours where ours has more
     * decimals (medians and movements at 2), the precision growing by as much.
     */
    public static TableSchema upcomingPlayer()
    {
        return TableSchema.partitioned(ref(AnalyticsTable.UPCOMING_PLAYER), "game_date", columns(gameColumns(), List.of(
                required("player_lookup", STRING),
                // no real counterpart (the real table has no name)
                required("player_name", STRING)), matchupColumns("team_abbr"), List.of(
                nullable("start_time_et", TIMESTAMP),
                // the real days_rest: D - the date of the last game (a back-to-back gives 1)
                nullable("days_rest", INT64),
                // the days between the two games (a back-to-back gives 0), as upcoming_team's team_days_rest
                nullable("player_days_rest", INT64),
                required("back_to_back", BOOL),
                required("games_in_last_7_days", INT64),
                required("games_in_last_14_days", INT64),
                // real: INT64; ours are exact sums of minutes at 1 decimal
                required("minutes_in_last_7_days", FLOAT64),
                required("minutes_in_last_14_days", FLOAT64),
                required("back_to_backs_last_14_days", INT64),
                nullableNumeric("points_avg_last_5", 5, 1),
                nullableNumeric("points_avg_last_10", 5, 1),
                required("games_used_last_5", INT64),
                required("games_used_last_10", INT64),
                nullable("points_std_last_10", FLOAT64),
                nullableNumeric("current_points_line", 4, 1),
                nullableNumeric("opening_points_line", 4, 1),
                nullable("current_points_line_source", STRING),
                nullableNumeric("line_movement", 5, 2),
                required("prop_over_streak", INT64),
                required("prop_under_streak", INT64),
                nullableNumeric("game_spread", 5, 2),
                nullableNumeric("opening_spread", 5, 2),
                nullableNumeric("spread_movement", 5, 2),
                nullableNumeric("game_total", 6, 2),
                nullableNumeric("opening_total", 6, 2),
                nullableNumeric("total_movement", 5, 2),
                nullableNumeric("opponent_pace_last_10", 6, 2),
                // no real counterpart: NUMERIC as opponent_def_rating_last_10
                nullableNumeric("opponent_off_rating_last_10", 6, 2),
                nullableNumeric("opponent_def_rating_last_10", 6, 2),
                nullableNumeric("pace_differential", 6, 2),
                required("player_status", STRING),
                nullable("injury_report", STRING),
                required("star_teammates_out", INT64),
                required("quality_tier", STRING),
                required("is_production_ready", BOOL),
                required("data_hash", STRING),
                required("processed_at", TIMESTAMP))));
    }

    /**
     * The real table's game_id is the 10-digit NBA id (our nba_game_id elsewhere); the standard id
     * the other tables call game_id is standard_game_id here.
     */
    public static TableSchema upcomingTeam()
    {
        return TableSchema.partitioned(ref(AnalyticsTable.UPCOMING_TEAM), "game_date", columns(List.of(
                required("game_id", STRING),
                required("standard_game_id", STRING),
                required("game_date", DATE),
                required("season_year", INT64)), matchupColumns("team_abbr"), List.of(
                nullable("start_time_et", TIMESTAMP),
                nullable("days_since_last_game", INT64),
                nullable("team_days_rest", INT64),
                required("team_back_to_back", BOOL),
                // the real table holds the same value under both names
                required("is_back_to_back", BOOL),
                required("games_in_last_7_days", INT64),
                required("games_in_last_14_days", INT64),
                required("game_number_in_season", INT64),
                required("team_win_streak_entering", INT64),
                required("team_loss_streak_entering", INT64),
                nullable("last_game_margin", INT64),
                nullable("last_game_result", STRING),
                required("consecutive_road_games", INT64),
                nullable("travel_miles", INT64),
                nullable("time_zones_crossed", INT64),
                nullable("opponent_days_rest", INT64),
                nullable("rest_advantage", INT64),
                nullableNumeric("game_spread", 5, 2),
                // no real counterpart: NUMERIC as game_spread and game_total
                nullableNumeric("opening_spread", 5, 2),
                nullableNumeric("spread_movement", 5, 2),
                nullableNumeric("game_total", 6, 2),
                nullableNumeric("opening_total", 6, 2),
                nullableNumeric("total_movement", 6, 2),
                // the real name says starters; the real count, as ours, is every player out
                required("starters_out_count", INT64),
                required("questionable_players_count", INT64),
                required("quality_tier", STRING),
                required("data_hash", STRING),
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
                required("data_hash", STRING),
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
