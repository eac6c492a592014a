package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schedule.ScheduledGame;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The spreads and totals of a date, from the real {@code odds_api_game_lines} (real-warehouse.md
 * 1.6). Its game_id is the Odds API's event id, which matches no game (joining on it once left
 * every spread NULL): a row finds its game by its date and home_team_abbr / away_team_abbr. A
 * spread's outcome_name is its team's full name, the row's home_team or away_team, so its team
 * code is the matching *_team_abbr; a total's is Over or Under. A snapshot is pre-game when taken at
 * or before the row's commence_time. Per bookmaker, closing is its latest pre-game snapshot and
 * opening its earliest; the value for a team is the median over bookmakers of its own outcome (or
 * minus the opponent's when only that one is listed).
 */
public final class GameLines
{
    static final List<String> COLUMNS = List.of(
            "commence_time", "home_team", "away_team", "home_team_abbr", "away_team_abbr", "bookmaker_key", "market_key", "outcome_name",
            "outcome_point", "snapshot_timestamp");
    private static final String SPREADS = "spreads";
    private static final String TOTALS = "totals";
    private static final String OVER = "over";
    private static final String UNDER = "under";

    /** nba_game_id -> bookmaker -> pre-game lines. */
    private final Map<String, Map<String, List<Line>>> lines;

    private GameLines(Map<String, Map<String, List<Line>>> lines)
    {
        this.lines = lines;
    }

    /** One outcome of one market at one snapshot: {@code outcome} is a team code, over or under. */
    private record Line(String market, String outcome, Fraction point, Instant snapshot) {}

    public static GameLines load(Warehouse warehouse, LocalDate date, GameIndex games)
    {
        Map<String, Map<String, List<Line>>> lines = new HashMap<>();
        for (Row row : warehouse.read(RawTables.GAME_LINES, DateRange.single(date), COLUMNS)) {
            Optional<ScheduledGame> game = games.byTeams(date, row.getString("home_team_abbr"), row.getString("away_team_abbr"));
            Instant snapshot = row.getTimestamp("snapshot_timestamp");
            Instant commence = row.getTimestamp("commence_time");
            Optional<String> outcome = outcome(row);
            if (game.isEmpty() || snapshot == null || commence == null || snapshot.isAfter(commence) || row.getDouble("outcome_point") == null
                    || outcome.isEmpty()) {
                continue;
            }
            lines.computeIfAbsent(game.get().nbaGameId(), key -> new HashMap<>())
                    .computeIfAbsent(Bookmakers.normalize(row.getString("bookmaker_key")), key -> new ArrayList<>())
                    .add(new Line(lowercase(row.getString("market_key")), outcome.get(), Fraction.ofDecimal(row.getDouble("outcome_point")), snapshot));
        }
        return new GameLines(lines);
    }

    /** The outcome as a team code (a spread names its team in full, as the row's home_team or away_team), over or under. */
    private static Optional<String> outcome(Row row)
    {
        String name = row.getString("outcome_name");
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.trim();
        if (trimmed.equalsIgnoreCase(OVER) || trimmed.equalsIgnoreCase(UNDER)) {
            return Optional.of(trimmed.toLowerCase(Locale.ROOT));
        }
        if (trimmed.equals(trim(row.getString("home_team")))) {
            return Optional.ofNullable(uppercase(row.getString("home_team_abbr")));
        }
        if (trimmed.equals(trim(row.getString("away_team")))) {
            return Optional.ofNullable(uppercase(row.getString("away_team_abbr")));
        }
        return Optional.empty();
    }

    public TeamLines forTeam(ScheduledGame game, String team)
    {
        Map<String, List<Line>> byBookmaker = lines.get(game.nbaGameId());
        if (byBookmaker == null) {
            return TeamLines.NONE;
        }
        String opponent = game.opponentOf(team);
        Function<List<Line>, Fraction> spread = snapshot -> spreadFor(snapshot, team, opponent);
        return new TeamLines(
                median(byBookmaker, SPREADS, true, spread),
                median(byBookmaker, SPREADS, false, spread),
                median(byBookmaker, TOTALS, true, GameLines::total),
                median(byBookmaker, TOTALS, false, GameLines::total));
    }

    /** The exact median over bookmakers (the mean of the middle two for an even count); rounded when stored. */
    private static Fraction median(Map<String, List<Line>> byBookmaker, String market, boolean closing, Function<List<Line>, Fraction> value)
    {
        List<Fraction> values = byBookmaker.values().stream()
                .map(bookmakerLines -> snapshot(bookmakerLines, market, closing))
                .filter(snapshot -> !snapshot.isEmpty())
                .map(value)
                .filter(Objects::nonNull)
                .toList();
        return Statistics.median(values);
    }

    /** The lines of one market at the bookmaker's latest (closing) or earliest (opening) pre-game snapshot. */
    private static List<Line> snapshot(List<Line> bookmakerLines, String market, boolean closing)
    {
        List<Line> marketLines = bookmakerLines.stream().filter(line -> market.equals(line.market())).toList();
        Optional<Instant> chosen = closing
                ? marketLines.stream().map(Line::snapshot).max(Comparator.naturalOrder())
                : marketLines.stream().map(Line::snapshot).min(Comparator.naturalOrder());
        return chosen.map(instant -> marketLines.stream().filter(line -> instant.equals(line.snapshot())).toList()).orElse(List.of());
    }

    private static Fraction spreadFor(List<Line> snapshot, String team, String opponent)
    {
        Optional<Fraction> own = point(snapshot, team);
        if (own.isPresent()) {
            return own.get();
        }
        return point(snapshot, opponent).map(Fraction::negate).orElse(null);
    }

    private static Fraction total(List<Line> snapshot)
    {
        return point(snapshot, OVER).or(() -> point(snapshot, UNDER)).orElse(null);
    }

    private static Optional<Fraction> point(List<Line> snapshot, String outcome)
    {
        return snapshot.stream().filter(line -> outcome.equals(line.outcome())).map(Line::point).findFirst();
    }

    private static String trim(String text)
    {
        return text == null ? null : text.trim();
    }

    private static String uppercase(String text)
    {
        return text == null ? null : text.trim().toUpperCase(Locale.ROOT);
    }

    private static String lowercase(String text)
    {
        return text == null ? null : text.trim().toLowerCase(Locale.ROOT);
    }
}
