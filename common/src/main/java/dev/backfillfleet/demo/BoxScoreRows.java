package dev.backfillfleet.demo;

import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowMaker;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code nbac_team_boxscore} (one row per team-game; a few rows missing or all zeros, see
 * {@link GameQuirks}) and {@code nbac_gamebook_player_stats} (all 15 players of each team, always
 * complete).
 */
final class BoxScoreRows
{
    private static final RowMaker TEAM_ROWS = new RowMaker(RawTables.teamBoxscore().columnNames());
    private static final RowMaker GAMEBOOK_ROWS = new RowMaker(RawTables.gamebookPlayerStats().columnNames());
    private static final int STAT_COLUMNS = RawTables.countingStats().size();

    private BoxScoreRows() {}

    static Map<LocalDate, List<Row>> teamRows(DemoSeason season)
    {
        Partitions partitions = new Partitions();
        for (GameResult result : season.results()) {
            String gameId = result.game().gameId();
            for (TeamGame team : List.of(result.away(), result.home())) {
                if (result.quirks().missingBoxScoreTeam().filter(team.team()::equals).isPresent()) {
                    continue;
                }
                boolean zeroed = result.quirks().zeroedBoxScoreTeam().filter(team.team()::equals).isPresent();
                Object[] values = new Object[5 + STAT_COLUMNS + 1];
                values[0] = gameId;
                values[1] = result.game().gameDate();
                values[2] = team.team();
                values[3] = team.home();
                values[4] = GameClock.format(result.teamSeconds());
                putStats(values, 5, zeroed ? StatLine.ZERO : team.totals());
                values[values.length - 1] = zeroed ? 0L : (long) team.plusMinus();
                partitions.add(result.game().gameDate(), TEAM_ROWS.row(values));
            }
        }
        return partitions.build();
    }

    static Map<LocalDate, List<Row>> gamebookRows(DemoSeason season)
    {
        Partitions partitions = new Partitions();
        for (GameResult result : season.results()) {
            String gameId = result.game().gameId();
            List<Row> rows = partitions.partition(result.game().gameDate());
            for (TeamGame team : List.of(result.away(), result.home())) {
                for (PlayerGame player : team.players()) {
                    Object[] values = new Object[8 + STAT_COLUMNS + 1];
                    values[0] = gameId;
                    values[1] = result.game().gameDate();
                    values[2] = team.team();
                    values[3] = player.player().lookup();
                    values[4] = player.player().name();
                    values[5] = player.status().code();
                    values[6] = player.starter();
                    values[7] = player.minutes();
                    putStats(values, 8, player.stats());
                    values[values.length - 1] = player.plusMinus() == null ? null : (long) player.plusMinus();
                    rows.add(GAMEBOOK_ROWS.row(values));
                }
            }
        }
        return partitions.build();
    }

    /** The 15 counting-stat columns in schema order from {@code offset}; left NULL when {@code stats} is null. */
    private static void putStats(Object[] values, int offset, StatLine stats)
    {
        if (stats == null) {
            return;
        }
        long[] counts = {
                stats.fgMade(), stats.fgAttempted(), stats.threePtMade(), stats.threePtAttempted(), stats.ftMade(), stats.ftAttempted(),
                stats.offensiveRebounds(), stats.defensiveRebounds(), stats.totalRebounds(), stats.assists(), stats.turnovers(),
                stats.steals(), stats.blocks(), stats.personalFouls(), stats.points()};
        for (int index = 0; index < counts.length; index++) {
            values[offset + index] = counts[index];
        }
    }
}
