package dev.backfillfleet.schema;

import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.backfillfleet.warehouse.Column.nullable;
import static dev.backfillfleet.warehouse.Column.required;
import static dev.backfillfleet.warehouse.ColumnType.BOOL;
import static dev.backfillfleet.warehouse.ColumnType.DATE;
import static dev.backfillfleet.warehouse.ColumnType.FLOAT64;
import static dev.backfillfleet.warehouse.ColumnType.INT64;
import static dev.backfillfleet.warehouse.ColumnType.STRING;
import static dev.backfillfleet.warehouse.ColumnType.TIMESTAMP;

/**
 * The raw inputs (dataset {@code nba_raw}, and the static travel table) as the users' real tables
 * have them (real-warehouse.md 1): each table's real name and partition column, and the columns the
 * processors read with their real types and modes. A real table holds more columns; every read
 * names the ones it uses, and setup, doctor and the start-up checks ask only for these.
 */
public final class RawTables
{
    public static final String RAW_DATASET = "nba_raw";
    public static final String STATIC_DATASET = "nba_static";
    public static final String PARTITION_COLUMN = "game_date";
    /** The injury report's partition column: the date the report was issued, not the game's. */
    public static final String REPORT_DATE = "report_date";

    public static final TableRef SCHEDULE = new TableRef(RAW_DATASET, "nbac_schedule");
    public static final TableRef TEAM_BOXSCORE = new TableRef(RAW_DATASET, "nbac_team_boxscore");
    public static final TableRef GAMEBOOK_PLAYER_STATS = new TableRef(RAW_DATASET, "nbac_gamebook_player_stats");
    public static final TableRef PLAY_BY_PLAY = new TableRef(RAW_DATASET, "bigdataball_play_by_play");
    public static final TableRef PLAYER_POINTS_PROPS = new TableRef(RAW_DATASET, "odds_api_player_points_props");
    public static final TableRef GAME_LINES = new TableRef(RAW_DATASET, "odds_api_game_lines");
    public static final TableRef INJURY_REPORT = new TableRef(RAW_DATASET, "nbac_injury_report");
    public static final TableRef TRAVEL_DISTANCES = new TableRef(STATIC_DATASET, "travel_distances");

    private RawTables() {}

    public static List<TableSchema> all()
    {
        return List.of(
                schedule(), teamBoxscore(), gamebookPlayerStats(), playByPlay(),
                playerPointsProps(), gameLines(), injuryReport(), travelDistances());
    }

    /**
     * {@code nba_raw.nbac_schedule}, the columns we read with their real types and modes
     * (real-warehouse.md 1.1). Rows are one per (game_id, game_date) by the pick rule of
     * {@link dev.backfillfleet.schedule.Schedule}; the season type comes from the flags.
     */
    public static TableSchema schedule()
    {
        return TableSchema.partitioned(SCHEDULE, PARTITION_COLUMN, List.of(
                required("game_id", STRING),
                required("game_date", DATE),
                required("season_year", INT64),
                nullable("game_date_est", TIMESTAMP),
                nullable("game_status", INT64),
                required("home_team_tricode", STRING),
                required("away_team_tricode", STRING),
                nullable("home_team_score", INT64),
                nullable("away_team_score", INT64),
                nullable("is_regular_season", BOOL),
                nullable("is_playoffs", BOOL),
                nullable("is_all_star", BOOL),
                nullable("playoff_round", STRING),
                required("processed_at", TIMESTAMP)));
    }

    /**
     * {@code nba_raw.nbac_team_boxscore} (real-warehouse.md 1.2): the counting stats have our names
     * already; processed_at orders the loads for the real three-step pick rule (the worker's
     * TeamBoxScores). The real table's nba_game_id, season_year, team_id, is_home and plus_minus are
     * not read.
     */
    public static TableSchema teamBoxscore()
    {
        List<Column> columns = new ArrayList<>(List.of(
                required("game_id", STRING),
                required("game_date", DATE),
                required("team_abbr", STRING),
                nullable("minutes", STRING)));
        columns.addAll(countingStats());
        columns.add(required("processed_at", TIMESTAMP));
        return TableSchema.partitioned(TEAM_BOXSCORE, PARTITION_COLUMN, columns);
    }

    /**
     * {@code nba_raw.nbac_gamebook_player_stats} (real-warehouse.md 1.3): the counting stats under
     * their gamebook names ({@link #GAMEBOOK_STAT_NAMES}), team and lookup nullable, no starter
     * column (the real tables have no starter source), processed_at for the pick rule.
     */
    public static TableSchema gamebookPlayerStats()
    {
        List<Column> columns = new ArrayList<>(List.of(
                required("game_id", STRING),
                required("game_date", DATE),
                nullable("player_name", STRING),
                required("player_name_original", STRING),
                nullable("player_lookup", STRING),
                nullable("team_abbr", STRING),
                required("player_status", STRING),
                nullable("minutes", STRING)));
        countingStats().forEach(column -> columns.add(nullable(GAMEBOOK_STAT_NAMES.get(column.name()), INT64)));
        columns.add(nullable("plus_minus", INT64));
        columns.add(nullable("processed_at", TIMESTAMP));
        return TableSchema.partitioned(GAMEBOOK_PLAYER_STATS, PARTITION_COLUMN, columns);
    }

    /** Each counting stat of the team box score ({@link #countingStats}) to its name in the gamebook. */
    public static final Map<String, String> GAMEBOOK_STAT_NAMES = gamebookStatNames();

    private static Map<String, String> gamebookStatNames()
    {
        Map<String, String> renamed = Map.of(
                "fg_made", "field_goals_made",
                "fg_attempted", "field_goals_attempted",
                "three_pt_made", "three_pointers_made",
                "three_pt_attempted", "three_pointers_attempted",
                "ft_made", "free_throws_made",
                "ft_attempted", "free_throws_attempted");
        Map<String, String> names = new LinkedHashMap<>();
        countingStats().forEach(column -> names.put(column.name(), renamed.getOrDefault(column.name(), column.name())));
        return Collections.unmodifiableMap(names);
    }

    /** The counting stats shared by the team box score and the gamebook, all nullable. */
    public static List<Column> countingStats()
    {
        return List.of(
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
                nullable("turnovers", INT64),
                nullable("steals", INT64),
                nullable("blocks", INT64),
                nullable("personal_fouls", INT64),
                nullable("points", INT64));
    }

    /**
     * {@code nba_raw.bigdataball_play_by_play}, 9 of its 63 columns (real-warehouse.md 1.4): the
     * shooter's team is player_1_team_abbr, a block is player_2_role = 'block' on the blocked shot's
     * row, shot_distance is FLOAT64, and the game is named by its two teams (in either order on the
     * NBA.com fallback rows, whose game_id may read HOME_AWAY: game_id is not read).
     */
    public static TableSchema playByPlay()
    {
        return TableSchema.partitioned(PLAY_BY_PLAY, PARTITION_COLUMN, List.of(
                required("game_date", DATE),
                required("home_team_abbr", STRING),
                required("away_team_abbr", STRING),
                nullable("player_1_team_abbr", STRING),
                nullable("shot_type", STRING),
                nullable("shot_distance", FLOAT64),
                nullable("shot_made", BOOL),
                nullable("player_2_role", STRING)));
    }

    /**
     * {@code nba_raw.odds_api_player_points_props} (real-warehouse.md 1.5): plain appends, so a file
     * processed twice is there twice; game_id is the 10-digit id or the standard one, so a game is
     * found by its date and its two teams instead (game_id is not read); minutes_before_tipoff may be NULL.
     */
    public static TableSchema playerPointsProps()
    {
        return TableSchema.partitioned(PLAYER_POINTS_PROPS, PARTITION_COLUMN, List.of(
                required("game_date", DATE),
                required("home_team_abbr", STRING),
                required("away_team_abbr", STRING),
                nullable("player_lookup", STRING),
                required("bookmaker", STRING),
                required("points_line", FLOAT64),
                required("snapshot_timestamp", TIMESTAMP),
                nullable("minutes_before_tipoff", INT64)));
    }

    /**
     * {@code nba_raw.odds_api_game_lines} (real-warehouse.md 1.6): game_id is the Odds API's event id,
     * which joins nothing and is not read; home_team / away_team are full names, the codes are in
     * *_team_abbr, and a spread's outcome_name is its team's full name; commence_time is the tip-off
     * the pre-game test uses.
     */
    public static TableSchema gameLines()
    {
        return TableSchema.partitioned(GAME_LINES, PARTITION_COLUMN, List.of(
                required("game_date", DATE),
                required("commence_time", TIMESTAMP),
                required("home_team", STRING),
                required("away_team", STRING),
                nullable("home_team_abbr", STRING),
                nullable("away_team_abbr", STRING),
                required("bookmaker_key", STRING),
                required("market_key", STRING),
                required("outcome_name", STRING),
                nullable("outcome_point", FLOAT64),
                required("snapshot_timestamp", TIMESTAMP)));
    }

    /**
     * {@code nba_raw.nbac_injury_report} (real-warehouse.md 1.7), partitioned by report_date, not by
     * game_date: reads filter report_date to prune. Every column is nullable; the report's time is
     * report_date at report_hour (Eastern), processed_at breaks ties; player_lookup follows the
     * injury report's own rule, so the worker recomputes it from player_full_name.
     */
    public static TableSchema injuryReport()
    {
        return TableSchema.partitioned(INJURY_REPORT, REPORT_DATE, List.of(
                nullable("report_date", DATE),
                nullable("report_hour", INT64),
                nullable("game_date", DATE),
                nullable("team", STRING),
                nullable("player_full_name", STRING),
                nullable("player_lookup", STRING),
                nullable("injury_status", STRING),
                nullable("reason", STRING),
                nullable("reason_category", STRING),
                nullable("processed_at", TIMESTAMP)));
    }

    public static TableSchema travelDistances()
    {
        return TableSchema.unpartitioned(TRAVEL_DISTANCES, List.of(
                required("from_team", STRING),
                required("to_team", STRING),
                required("distance_miles", INT64),
                required("time_zones_crossed", INT64)));
    }
}
