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
 * {@code odds_api_game_lines} in the real shape: per game (about 2% have none) and bookmaker, the
 * {@code spreads} market (the home team's point and the away team's opposite point, each outcome
 * named by its team's full name) and the {@code totals} market (Over and Under at the same x.5
 * point), at an opening snapshot about a day before tip-off and a closing snapshot ten minutes
 * before; about 15% of games also have a snapshot taken during the game, after commence_time, with
 * other numbers. Numbers follow the two teams' strengths and move a little between the snapshots.
 * The real game_id, an Odds API event id that joins nothing, is not read, so not written.
 */
final class GameLineRows
{
    static final List<String> BOOKMAKERS = List.of("draftkings", "fanduel", "betmgm");
    static final int CLOSING_MINUTES = 10;
    private static final double IN_GAME_SNAPSHOT = 0.15;
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
            SplittableRandom loads = RawLoads.random(seed, RawLoads.GAME_LINES, game);
            Event event = new Event(game);
            boolean inGame = Draws.chance(loads, IN_GAME_SNAPSHOT);
            List<Row> rows = partitions.partition(game.gameDate());
            for (String bookmaker : BOOKMAKERS) {
                if (bookmaker.equals("betmgm") && Draws.chance(random, 0.15)) {
                    continue;
                }
                double spreadShade = 0.5 * (random.nextInt(3) - 1);
                double totalShade = random.nextInt(3) - 1;
                addSnapshot(rows, event, bookmaker, opening, openingSpread + spreadShade, openingTotal + totalShade);
                addSnapshot(rows, event, bookmaker, closing, closingSpread + spreadShade, closingTotal + totalShade);
                if (inGame) {
                    addSnapshot(rows, event, bookmaker, game.startTime().plusSeconds(30 * 60), closingSpread + spreadShade + 4, closingTotal + totalShade - 6);
                }
            }
        }
        return partitions.build();
    }

    /** Rounds to the nearest half point; never -0.0. */
    private static double halfPoint(double value)
    {
        return Math.round(value * 2) / 2.0;
    }

    /** An Odds API event: the game, its teams under their full names. */
    private record Event(DemoGame game, String homeName, String awayName)
    {
        Event(DemoGame game)
        {
            this(game, OddsApiTeamNames.of(game.homeTeam()), OddsApiTeamNames.of(game.awayTeam()));
        }
    }

    private static void addSnapshot(List<Row> rows, Event event, String bookmaker, Instant timestamp, double homeSpread, double total)
    {
        double home = halfPoint(homeSpread);
        rows.add(row(event, bookmaker, "spreads", event.homeName(), home, timestamp));
        rows.add(row(event, bookmaker, "spreads", event.awayName(), 0.0 - home, timestamp));
        rows.add(row(event, bookmaker, "totals", "Over", total, timestamp));
        rows.add(row(event, bookmaker, "totals", "Under", total, timestamp));
    }

    private static Row row(Event event, String bookmaker, String market, String outcome, double point, Instant timestamp)
    {
        DemoGame game = event.game();
        return ROWS.row(game.gameDate(), game.startTime(), event.homeName(), event.awayName(), game.homeTeam(), game.awayTeam(),
                bookmaker, market, outcome, point, timestamp);
    }
}
