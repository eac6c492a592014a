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
    private static final double STALE_TEN_DIGIT_ID = 0.02;
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
                            game.startTime().plusSeconds(75 * 60)));
                }
                partitions.add(game.gameDate(), teamRow(game.gameId(), game, team, GameClock.format(result.teamSeconds()),
                        zeroed ? StatLine.ZERO : team.totals(), RawLoads.afterGame(game.startTime(), random)));
            }
        }
        return partitions.build();
    }

    private static Row teamRow(String gameId, DemoGame game, TeamGame team, String minutes, StatLine stats, Instant processedAt)
    {
        Object[] values = new Object[4 + STAT_COLUMNS + 1];
        values[0] = gameId;
        values[1] = game.gameDate();
        values[2] = team.team();
        values[3] = minutes;
        putStats(values, 4, stats);
        values[values.length - 1] = processedAt;
        return TEAM_ROWS.row(values);
    }

    /**
     * Every player of both teams, loaded after the game under the standard id. For about 2% of
     * games an earlier parse of the same gamebook survives under the 10-digit id, as the re-runs
     * of late December 2025 left them: the real pick rule (latest per game and player) keeps the later rows.
     */
    static Map<LocalDate, List<Row>> gamebookRows(long seed, DemoSeason season)
    {
        Partitions partitions = new Partitions();
        for (GameResult result : season.results()) {
            DemoGame game = result.game();
            SplittableRandom random = RawLoads.random(seed, RawLoads.GAMEBOOK, game);
            List<Row> rows = partitions.partition(game.gameDate());
            Instant loaded = RawLoads.afterGame(game.startTime(), random);
            if (Draws.chance(random, STALE_TEN_DIGIT_ID)) {
                addGamebook(rows, game.nbaGameId(), result, loaded.minusSeconds(6 * 3600));
            }
            addGamebook(rows, game.gameId(), result, loaded);
        }
        return partitions.build();
    }

    private static void addGamebook(List<Row> rows, String gameId, GameResult result, Instant processedAt)
    {
        DemoGame game = result.game();
        for (TeamGame team : List.of(result.away(), result.home())) {
            for (PlayerGame player : team.players()) {
                Object[] values = new Object[8 + STAT_COLUMNS + 2];
                values[0] = gameId;
                values[1] = game.gameDate();
                values[2] = player.player().name();
                values[3] = player.player().name();
                values[4] = player.player().lookup();
                values[5] = team.team();
                values[6] = player.status().code();
                values[7] = player.minutes();
                putStats(values, 8, player.stats());
                values[values.length - 2] = player.plusMinus() == null ? null : (long) player.plusMinus();
                values[values.length - 1] = processedAt;
                rows.add(GAMEBOOK_ROWS.row(values));
            }
        }
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
