package dev.backfillfleet.demo;

import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowMaker;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code bigdataball_play_by_play} in the real shape (real-warehouse.md 1.4), consistent with the
 * gamebook of each game (about 6% of games have no play-by-play at all).
 *
 * <p>Per team, player_1_team_abbr being the shooting team: one row per field-goal attempt (shot_type
 * 2PT or 3PT, shot_made); made 2PT = FGM - 3PM, made 3PT = 3PM, attempts likewise. shot_distance is in feet with a decimal: 0.0-8.0 or 8.1-22.0 for 2PT (NULL
 * for about 3% of them), 22.0-30.0 for 3PT. There is no block event: a blocked shot is a missed 2PT or
 * 3PT row with player_2_role 'block', and the number of a team's shots marked so equals the
 * opponent's blocks; some made shots carry an 'assist'. A few other events (rebounds, turnovers)
 * complete each game without shot columns.
 *
 * <p>About 4% of the games with play-by-play come from the NBA.com fallback instead: teams in
 * arbitrary order (here the wrong way round), no distances, and a row per free-throw attempt typed FT
 * (made FT = FTM), which the shot zones must leave out. On BigDataBall rows a free throw has no
 * shot_type, like the other events above: those games leave their free throws out, a quarter of the
 * table's rows that nothing reads (seeding writes every row; docs/benchmarks.md). The real game_id
 * is not read, so not written.
 */
final class PlayByPlayRows
{
    static final String BLOCK = "block";
    static final String ASSIST = "assist";
    private static final double UNKNOWN_DISTANCE = 0.03;
    private static final double FALLBACK = 0.04;
    private static final RowMaker ROWS = new RowMaker(RawTables.playByPlay().columnNames());

    private PlayByPlayRows() {}

    static Map<LocalDate, List<Row>> rows(long seed, DemoSeason season)
    {
        Partitions partitions = new Partitions();
        for (GameResult result : season.results()) {
            if (!result.quirks().hasPlayByPlay()) {
                continue;
            }
            DemoGame demo = result.game();
            SplittableRandom random = Seeds.random(seed, Purpose.PLAY_BY_PLAY, Long.parseLong(demo.nbaGameId()));
            boolean fallback = RawLoads.random(seed, RawLoads.PLAY_BY_PLAY, demo).nextDouble() < FALLBACK;
            String home = fallback ? demo.awayTeam() : demo.homeTeam();
            String away = fallback ? demo.homeTeam() : demo.awayTeam();
            Game game = new Game(demo.gameDate(), home, away, fallback, partitions.partition(demo.gameDate()));
            game.shots(result.away().team(), result.away().totals(), result.home().totals().blocks(), random);
            game.shots(result.home().team(), result.home().totals(), result.away().totals().blocks(), random);
            int others = 5 + random.nextInt(16);
            for (int event = 0; event < others; event++) {
                game.add(random.nextBoolean() ? demo.homeTeam() : demo.awayTeam(), null, null, null, null);
            }
        }
        return partitions.build();
    }

    private record Game(LocalDate date, String home, String away, boolean fallback, List<Row> rows)
    {
        void shots(String team, StatLine stats, int blockedByOpponent, SplittableRandom random)
        {
            int missedTwos = stats.twoPtAttempted() - stats.twoPtMade();
            int missedThrees = stats.threePtAttempted() - stats.threePtMade();
            int blockedThrees = Math.min(missedThrees, Draws.binomial(random, blockedByOpponent, 0.07));
            int blockedTwos = Math.min(missedTwos, blockedByOpponent - blockedThrees);
            blockedThrees = blockedByOpponent - blockedTwos;
            for (int shot = 0; shot < stats.twoPtAttempted(); shot++) {
                boolean made = shot < stats.twoPtMade();
                boolean blocked = !made && shot - stats.twoPtMade() < blockedTwos;
                add(team, "2PT", distance(twoPointDistance(random, made, blocked)), made, role(random, made, blocked));
            }
            for (int shot = 0; shot < stats.threePtAttempted(); shot++) {
                boolean made = shot < stats.threePtMade();
                boolean blocked = !made && shot - stats.threePtMade() < blockedThrees;
                add(team, "3PT", distance(22.0 + (Math.min(random.nextInt(6), random.nextInt(9)) * 10 + random.nextInt(10)) / 10.0), made,
                        role(random, made, blocked));
            }
            for (int shot = 0; fallback && shot < stats.ftAttempted(); shot++) {
                add(team, "FT", null, shot < stats.ftMade(), null);
            }
        }

        /** Paint (0.0-8.0 ft, mostly at the rim) or mid-range (8.1-22.0 ft); makes and blocks lean to the paint. */
        private static Double twoPointDistance(SplittableRandom random, boolean made, boolean blocked)
        {
            if (random.nextDouble() < UNKNOWN_DISTANCE) {
                return null;
            }
            double paint = blocked ? 0.80 : made ? 0.62 : 0.48;
            if (random.nextDouble() < paint) {
                return (random.nextDouble() < 0.6 ? random.nextInt(40) : 40 + random.nextInt(41)) / 10.0;
            }
            return (81 + random.nextInt(140)) / 10.0;
        }

        /** The fallback source has no distances. */
        private Double distance(Double feet)
        {
            return fallback ? null : feet;
        }

        private static String role(SplittableRandom random, boolean made, boolean blocked)
        {
            if (blocked) {
                return BLOCK;
            }
            return made && random.nextDouble() < 0.6 ? ASSIST : null;
        }

        void add(String team, String shotType, Double distance, Boolean made, String secondPlayerRole)
        {
            rows.add(ROWS.row(date, home, away, team, shotType, distance, made, secondPlayerRole));
        }
    }
}
