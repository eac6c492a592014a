package dev.backfillfleet.demo;

import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowMaker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code odds_api_player_points_props}: for most active players expected to play real minutes
 * (about 10% have none), lines from some of draftkings, fanduel, betmgm and caesars. A line is set
 * before tip-off, so it comes from what is known then: the player's rates, his place in the
 * announced rotation (so his expected minutes, not the minutes he went on to play), both teams'
 * strengths and home court, plus the bookmakers' own error. Per bookmaker: an opening
 * snapshot about a day before tip-off, up to two pre-game snapshots, one at tip-off (0) and
 * usually one in-game snapshot (negative minutes, a clearly different line). Lines are always
 * x.5; {@code snapshot_timestamp = start_time_et - minutes_before_tipoff}.
 *
 * <p>As the real appends leave them: about 3% of games were processed twice (every row there
 * twice); about 2% have no minutes_before_tipoff (the API gave no commence time). The real game_id
 * (two forms) is not read, so not written.
 */
final class PlayerPropRows
{
    static final List<String> BOOKMAKERS = List.of("draftkings", "fanduel", "betmgm", "caesars");
    private static final RowMaker ROWS = new RowMaker(RawTables.playerPointsProps().columnNames());
    private static final double[] BOOKMAKER_COVERAGE = {0.90, 0.85, 0.60, 0.50};
    /** Whole points, so every line stays x.5. */
    private static final int[] BOOKMAKER_OFFSETS = {-1, 0, 0, 1};
    private static final int[] PRE_GAME_MINUTES = {720, 360, 180, 90, 30};
    private static final double MIN_EXPECTED_SECONDS_FOR_PROPS = 12 * 60;
    private static final double PLAYERS_WITHOUT_PROPS = 0.10;
    private static final double IN_GAME_SNAPSHOT = 0.85;
    private static final double PROCESSED_TWICE = 0.03;
    private static final double WITHOUT_COMMENCE_TIME = 0.02;

    private PlayerPropRows() {}

    static Map<LocalDate, List<Row>> rows(long seed, DemoSeason season)
    {
        Partitions partitions = new Partitions();
        for (GameResult result : season.results()) {
            DemoGame game = result.game();
            SplittableRandom random = Seeds.random(seed, Purpose.PLAYER_PROPS, Long.parseLong(game.nbaGameId()));
            SplittableRandom loads = RawLoads.random(seed, RawLoads.PLAYER_PROPS, game);
            boolean twice = Draws.chance(loads, PROCESSED_TWICE);
            boolean withoutCommenceTime = Draws.chance(loads, WITHOUT_COMMENCE_TIME);
            List<Row> rows = partitions.partition(game.gameDate());
            int first = rows.size();
            for (TeamGame team : List.of(result.away(), result.home())) {
                TeamDraft.Scoring scoring = TeamDraft.Scoring.of(season.strengths().get(team.team()),
                        season.strengths().get(game.opponentOf(team.team())), team.home());
                List<PlayerGame> rotation = team.activePlayers();
                for (int slot = 0; slot < rotation.size(); slot++) {
                    PlayerGame player = rotation.get(slot);
                    double expectedSeconds = TeamDraft.expectedSeconds(rotation.size(), slot);
                    if (expectedSeconds < MIN_EXPECTED_SECONDS_FOR_PROPS || Draws.chance(random, PLAYERS_WITHOUT_PROPS)) {
                        continue;
                    }
                    double expected = TeamDraft.expectedPoints(player.player(), expectedSeconds, scoring) * (1 + 0.12 * random.nextGaussian());
                    double consensus = halfPoint(expected);
                    for (String bookmaker : bookmakers(random)) {
                        double closing = Math.max(0.5, consensus + BOOKMAKER_OFFSETS[random.nextInt(BOOKMAKER_OFFSETS.length)]);
                        for (Snapshot snapshot : snapshots(random, closing)) {
                            rows.add(ROWS.row(
                                    game.gameDate(),
                                    game.homeTeam(),
                                    game.awayTeam(),
                                    player.player().lookup(),
                                    bookmaker,
                                    snapshot.line(),
                                    game.startTime().minusSeconds(60L * snapshot.minutesBeforeTipoff()),
                                    withoutCommenceTime ? null : (long) snapshot.minutesBeforeTipoff()));
                        }
                    }
                }
            }
            if (twice) {
                rows.addAll(List.copyOf(rows.subList(first, rows.size())));
            }
        }
        return partitions.build();
    }

    /** The x.5 line just above {@code value}'s whole part, at least 0.5. */
    static double halfPoint(double value)
    {
        return Math.max(0, Math.floor(value)) + 0.5;
    }

    private static List<String> bookmakers(SplittableRandom random)
    {
        List<String> chosen = new ArrayList<>();
        for (int index = 0; index < BOOKMAKERS.size(); index++) {
            if (Draws.chance(random, BOOKMAKER_COVERAGE[index])) {
                chosen.add(BOOKMAKERS.get(index));
            }
        }
        return chosen.isEmpty() ? List.of(BOOKMAKERS.get(0)) : chosen;
    }

    /** Opening, pre-game snapshots walking from the opening line to the closing one, tip-off, maybe in-game. */
    private static List<Snapshot> snapshots(SplittableRandom random, double closing)
    {
        List<Snapshot> snapshots = new ArrayList<>();
        double opening = Math.max(0.5, closing + random.nextInt(5) - 2);
        snapshots.add(new Snapshot(1380 + 5 * random.nextInt(25), opening));
        int preGame = random.nextInt(3);
        int first = random.nextInt(PRE_GAME_MINUTES.length - preGame + 1);
        for (int index = 0; index < preGame; index++) {
            double progress = (index + 1.0) / (preGame + 1);
            snapshots.add(new Snapshot(PRE_GAME_MINUTES[first + index], Math.floor(opening + (closing - opening) * progress) + 0.5));
        }
        snapshots.add(new Snapshot(0, closing));
        if (Draws.chance(random, IN_GAME_SNAPSHOT)) {
            int shift = (2 + random.nextInt(5)) * (random.nextBoolean() ? 1 : -1);
            double inGame = closing + shift < 0.5 ? closing + Math.abs(shift) : closing + shift;
            snapshots.add(new Snapshot(-(10 + random.nextInt(80)), inGame));
        }
        return snapshots;
    }

    private record Snapshot(int minutesBeforeTipoff, double line) {}
}
