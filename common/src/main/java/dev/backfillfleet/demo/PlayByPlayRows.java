package dev.backfillfleet.demo;

import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowMaker;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code bigdataball_play_by_play}, consistent with the gamebook of each game (about 6% of
 * games have no play-by-play at all).
 *
 * <p>Per team: one {@code shot} event per field-goal attempt (shot_type 2PT or 3PT) and per
 * free-throw attempt (FT), {@code event_team_abbr} being the shooting team; made 2PT = FGM - 3PM,
 * made 3PT = 3PM, made FT = FTM, and attempts likewise. {@code shot_distance} is in feet: 0-22 for
 * 2PT (NULL for about 3% of them), 22-30 for 3PT, NULL for FT.
 *
 * <p>Blocks convention: there are no separate {@code block} events. A blocked shot is a missed
 * 2PT or 3PT {@code shot} event of the shooting team with {@code blocked = true}; the number of a
 * team's shots marked blocked equals the opponent's {@code blocks}. Every other shot has
 * {@code blocked = false}. A few {@code other} events (shot columns NULL) complete each game.
 */
final class PlayByPlayRows
{
    static final String SHOT = "shot";
    static final String OTHER = "other";
    private static final double UNKNOWN_DISTANCE = 0.03;
    private static final RowMaker ROWS = new RowMaker(RawTables.playByPlay().columnNames());

    private PlayByPlayRows() {}

    static Map<LocalDate, List<Row>> rows(long seed, DemoSeason season)
    {
        Partitions partitions = new Partitions();
        for (GameResult result : season.results()) {
            if (!result.quirks().hasPlayByPlay()) {
                continue;
            }
            SplittableRandom random = Seeds.random(seed, Purpose.PLAY_BY_PLAY, Long.parseLong(result.game().nbaGameId()));
            Game game = new Game(result.game().gameId(), result.game().gameDate(), partitions.partition(result.game().gameDate()));
            game.shots(result.away().team(), result.away().totals(), result.home().totals().blocks(), random);
            game.shots(result.home().team(), result.home().totals(), result.away().totals().blocks(), random);
            int others = 5 + random.nextInt(16);
            for (int event = 0; event < others; event++) {
                game.add(random.nextBoolean() ? result.home().team() : result.away().team(), OTHER, null, null, null, null);
            }
        }
        return partitions.build();
    }

    private record Game(String gameId, LocalDate date, List<Row> rows)
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
                add(team, SHOT, "2PT", twoPointDistance(random, made, blocked), made, blocked);
            }
            for (int shot = 0; shot < stats.threePtAttempted(); shot++) {
                boolean made = shot < stats.threePtMade();
                boolean blocked = !made && shot - stats.threePtMade() < blockedThrees;
                add(team, SHOT, "3PT", (long) (22 + Math.min(random.nextInt(6), random.nextInt(9))), made, blocked);
            }
            for (int shot = 0; shot < stats.ftAttempted(); shot++) {
                add(team, SHOT, "FT", null, shot < stats.ftMade(), false);
            }
        }

        /** Paint (0-8 ft, mostly at the rim) or mid-range (9-22 ft); makes and blocks lean to the paint. */
        private static Long twoPointDistance(SplittableRandom random, boolean made, boolean blocked)
        {
            if (random.nextDouble() < UNKNOWN_DISTANCE) {
                return null;
            }
            double paint = blocked ? 0.80 : made ? 0.62 : 0.48;
            if (random.nextDouble() < paint) {
                return (long) (random.nextDouble() < 0.6 ? random.nextInt(4) : 4 + random.nextInt(5));
            }
            return (long) (9 + random.nextInt(14));
        }

        void add(String team, String type, String shotType, Long distance, Boolean made, Boolean blocked)
        {
            rows.add(ROWS.row(gameId, date, team, type, shotType, distance, made, blocked));
        }
    }
}
