package dev.backfillfleet.demo;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.backfillfleet.schema.RawTables.GAMEBOOK_PLAYER_STATS;
import static dev.backfillfleet.schema.RawTables.GAME_LINES;
import static dev.backfillfleet.schema.RawTables.INJURY_REPORT;
import static dev.backfillfleet.schema.RawTables.PLAYER_POINTS_PROPS;
import static dev.backfillfleet.schema.RawTables.PLAY_BY_PLAY;
import static dev.backfillfleet.schema.RawTables.SCHEDULE;
import static dev.backfillfleet.schema.RawTables.TEAM_BOXSCORE;
import static java.util.Objects.requireNonNull;

/**
 * The raw warehouse rows of a {@link DemoLeague}, per table and season, by partition date (only
 * dates with games have partitions). Rows are built on demand, so a caller can write one
 * (table, season) at a time and keep memory small.
 */
public final class DemoRawTables
{
    /** The date-partitioned raw tables, in the order the seeder writes them. */
    public static final List<TableRef> PARTITIONED_TABLES = List.of(
            SCHEDULE, TEAM_BOXSCORE, GAMEBOOK_PLAYER_STATS, PLAY_BY_PLAY, PLAYER_POINTS_PROPS, GAME_LINES, INJURY_REPORT);

    private final DemoLeague league;

    public DemoRawTables(DemoLeague league)
    {
        this.league = requireNonNull(league, "league is null");
    }

    /** The rows of one partitioned raw table for the games of {@code season} on {@code dates}, by game date. */
    public Map<LocalDate, List<Row>> partitions(TableRef table, DemoSeason season, DateRange dates)
    {
        return partitions(table, season.restrictedTo(dates));
    }

    /** The rows of one partitioned raw table for one season, by game date. */
    public Map<LocalDate, List<Row>> partitions(TableRef table, DemoSeason season)
    {
        long seed = league.seed();
        if (table.equals(SCHEDULE)) {
            return ScheduleRows.rows(seed, season);
        }
        if (table.equals(TEAM_BOXSCORE)) {
            return BoxScoreRows.teamRows(seed, season);
        }
        if (table.equals(GAMEBOOK_PLAYER_STATS)) {
            return BoxScoreRows.gamebookRows(seed, season);
        }
        if (table.equals(PLAY_BY_PLAY)) {
            return PlayByPlayRows.rows(seed, season);
        }
        if (table.equals(PLAYER_POINTS_PROPS)) {
            return PlayerPropRows.rows(seed, season);
        }
        if (table.equals(GAME_LINES)) {
            return GameLineRows.rows(seed, season);
        }
        if (table.equals(INJURY_REPORT)) {
            return InjuryReportRows.rows(seed, season);
        }
        throw new IllegalArgumentException("not a partitioned demo table: " + table);
    }

    /** {@code nba_static.travel_distances}: 870 rows, as in the real table. */
    public List<Row> travelDistances()
    {
        return TravelDistanceRows.rows();
    }
}
