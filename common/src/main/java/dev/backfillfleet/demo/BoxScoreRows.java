package dev.backfillfleet.demo;

import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowMaker;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code nbac_team_boxscore} (one row per team-game, some with the row of an earlier load; a few
 * missing or all zeros, see {@link GameQuirks}) and {@code nbac_gamebook_player_stats} (all 15 players of each team, always
 * complete).
 */
final class BoxScoreRows
{
    private static final RowMaker TEAM_ROWS = new RowMaker(RawTables.teamBoxscore().columnNames());
    private static final RowMaker GAMEBOOK_ROWS = new RowMaker(RawTables.gamebookPlayerStats().columnNames());
    private static final int STAT_COLUMNS = RawTables.countingStats().size();
    private static final double HALF_TIME_LOAD = 0.03;
    /** Half of the team's 240 player-minutes. */
    private static final int HALF_TIME_SECONDS = 120 * 60;

    private BoxScoreRows() {}

    /**
     * One row per team-game, loaded after the game. About 3% of team-games also keep the row of a
     * load at half-time (half the counts, 120:00), under the standard id or, from a race between
     * feeds, the 10-digit one: the real pick rule keeps the final row (the latest per game id and
     * team, then the most field-goal attempts per date and team).
     */
    static Map<LocalDate, List<Row>> teamRows(long seed, DemoSeason season)
    {
        Partitions partitions = new Partitions();
        for (GameResult result : season.results()) {
            DemoGame game = result.game();
            SplittableRandom random = RawLoads.random(seed, RawLoads.TEAM_BOXSCORE, game);
            for (TeamGame team : List.of(result.away(), result.home())) {
                if (result.quirks().missingBoxScoreTeam().filter(team.team()::equals).isPresent()) {
                    continue;
                }
                boolean zeroed = result.quirks().zeroedBoxScoreTeam().filter(team.team()::equals).isPresent();
                if (!zeroed && Draws.chance(random, HALF_TIME_LOAD)) {
                    String gameId = random.nextBoolean() ? game.gameId() : game.nbaGameId();
                    partitions.add(game.gameDate(), teamRow(gameId, game, team, GameClock.format(HALF_TIME_SECONDS), team.totals().half(),
                            (long) (team.plusMinus() / 2), game.startTime().plusSeconds(75 * 60)));
                }
                partitions.add(game.gameDate(), teamRow(game.gameId(), game, team, GameClock.format(result.teamSeconds()),
                        zeroed ? StatLine.ZERO : team.totals(), zeroed ? 0L : (long) team.plusMinus(), RawLoads.afterGame(game.startTime(), random)));
            }
        }
        return partitions.build();
    }

    private static Row teamRow(String gameId, DemoGame game, TeamGame team, String minutes, StatLine stats, long plusMinus, Instant processedAt)
    {
        Object[] values = new Object[7 + STAT_COLUMNS + 2];
        values[0] = gameId;
        values[1] = game.nbaGameId();
        values[2] = game.gameDate();
        values[3] = (long) game.seasonYear();
        values[4] = team.team();
        values[5] = team.home();
        values[6] = minutes;
        putStats(values, 7, stats);
        values[values.length - 2] = plusMinus;
        values[values.length - 1] = processedAt;
        return TEAM_ROWS.row(values);
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
