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
 * {@code odds_api_game_lines}: per game (about 2% have none) and bookmaker, the {@code spreads}
 * market (the home team's point and the away team's opposite point) and the {@code totals} market
 * (over and under at the same x.5 point), at an opening snapshot about a day before tip-off and a
 * closing snapshot ten minutes before. Numbers follow the two teams' strengths and move a little
 * between the snapshots.
 */
final class GameLineRows
{
    static final List<String> BOOKMAKERS = List.of("draftkings", "fanduel", "betmgm");
    static final int CLOSING_MINUTES = 10;
    private static final RowMaker ROWS = new RowMaker(RawTables.gameLines().columnNames());

    private GameLineRows() {}

    static Map<LocalDate, List<Row>> rows(long seed, DemoSeason season)
    {
        Partitions partitions = new Partitions();
        for (GameResult result : season.results()) {
            if (!result.quirks().hasGameLines()) {
                continue;
            }
            DemoGame game = result.game();
            SplittableRandom random = Seeds.random(seed, Purpose.GAME_LINES, Long.parseLong(game.nbaGameId()));
            TeamStrength home = season.strengths().get(game.homeTeam());
            TeamStrength away = season.strengths().get(game.awayTeam());
            double expectedMargin = home.expectedPoints(away, true) - away.expectedPoints(home, false);
            double expectedTotal = home.expectedPoints(away, true) + away.expectedPoints(home, false);
            double closingSpread = halfPoint(-expectedMargin + 1.5 * random.nextGaussian());
            double closingTotal = Math.floor(expectedTotal + 3 * random.nextGaussian()) + 0.5;
            double openingSpread = closingSpread + 0.5 * (random.nextInt(5) - 2);
            double openingTotal = closingTotal + random.nextInt(5) - 2;
            Instant opening = game.startTime().minusSeconds(60L * (1440 + 10 * (random.nextInt(19) - 9)));
            Instant closing = game.startTime().minusSeconds(60L * CLOSING_MINUTES);
            List<Row> rows = partitions.partition(game.gameDate());
            for (String bookmaker : BOOKMAKERS) {
                if (bookmaker.equals("betmgm") && Draws.chance(random, 0.15)) {
                    continue;
                }
                double spreadShade = 0.5 * (random.nextInt(3) - 1);
                double totalShade = random.nextInt(3) - 1;
                addSnapshot(rows, game, bookmaker, opening, openingSpread + spreadShade, openingTotal + totalShade);
                addSnapshot(rows, game, bookmaker, closing, closingSpread + spreadShade, closingTotal + totalShade);
            }
        }
        return partitions.build();
    }

    /** Rounds to the nearest half point; never -0.0. */
    private static double halfPoint(double value)
    {
        return Math.round(value * 2) / 2.0;
    }

    private static void addSnapshot(List<Row> rows, DemoGame game, String bookmaker, Instant timestamp, double homeSpread, double total)
    {
        double home = halfPoint(homeSpread);
        rows.add(row(game, bookmaker, "spreads", game.homeTeam(), home, timestamp));
        rows.add(row(game, bookmaker, "spreads", game.awayTeam(), 0.0 - home, timestamp));
        rows.add(row(game, bookmaker, "totals", "over", total, timestamp));
        rows.add(row(game, bookmaker, "totals", "under", total, timestamp));
    }

    private static Row row(DemoGame game, String bookmaker, String market, String outcome, double point, Instant timestamp)
    {
        return ROWS.row(game.gameDate(), game.homeTeam(), game.awayTeam(), bookmaker, market, outcome, point, timestamp);
    }
}
