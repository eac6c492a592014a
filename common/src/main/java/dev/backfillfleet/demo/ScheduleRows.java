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
 * {@code nbac_schedule} in the real shape: one final row per game, written the morning after, with
 * the season type as the real flags. As plain appends left it before 2026, about 6% of games also
 * have the row of an earlier load, scheduled (status 1) the day before or in progress (status 2)
 * during the game, both without scores: the pick rule keeps the final one.
 */
final class ScheduleRows
{
    static final long SCHEDULED = 1;
    static final long IN_PROGRESS = 2;
    static final long FINAL = 3;
    private static final double EARLIER_LOAD = 0.06;
    private static final RowMaker ROWS = new RowMaker(RawTables.schedule().columnNames());
    private static final List<String> PLAYOFF_ROUNDS = List.of("first_round", "conf_semifinals", "conf_finals", "nba_finals");

    private ScheduleRows() {}

    static Map<LocalDate, List<Row>> rows(long seed, DemoSeason season)
    {
        Partitions partitions = new Partitions();
        for (GameResult result : season.results()) {
            DemoGame game = result.game();
            SplittableRandom random = RawLoads.random(seed, RawLoads.SCHEDULE, game);
            List<Row> rows = partitions.partition(game.gameDate());
            if (Draws.chance(random, EARLIER_LOAD)) {
                boolean dayBefore = random.nextBoolean();
                Instant loaded = dayBefore ? game.startTime().minusSeconds(20 * 3600) : game.startTime().plusSeconds(3600);
                rows.add(row(game, dayBefore ? SCHEDULED : IN_PROGRESS, null, null, loaded));
            }
            rows.add(row(game, FINAL, (long) result.homeScore(), (long) result.awayScore(), RawLoads.afterGame(game.startTime(), random)));
        }
        return partitions.build();
    }

    private static Row row(DemoGame game, long status, Long homeScore, Long awayScore, Instant processedAt)
    {
        SeasonType type = game.seasonType();
        return ROWS.row(
                game.nbaGameId(),
                game.gameDate(),
                (long) game.seasonYear(),
                RawLoads.storedTipOff(game.startTime(), processedAt),
                status,
                game.homeTeam(),
                game.awayTeam(),
                homeScore,
                awayScore,
                type == SeasonType.REGULAR,
                type != SeasonType.REGULAR,
                false,
                playoffRound(game),
                processedAt);
    }

    /** The real playoff_round: play_in, or the round of a playoff game id 004YY00RSG. */
    private static String playoffRound(DemoGame game)
    {
        return switch (game.seasonType()) {
            case REGULAR -> null;
            case PLAY_IN -> "play_in";
            case PLAYOFFS -> PLAYOFF_ROUNDS.get(game.nbaGameId().charAt(7) - '1');
        };
    }
}
