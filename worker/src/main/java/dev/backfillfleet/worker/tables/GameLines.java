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
 * The spreads and totals of a date, from {@code odds_api_game_lines}, matched to schedule games by
 * date and the two team codes (the lines carry no game id; joining on the wrong id form once left
 * every spread NULL). Per bookmaker, closing is its latest snapshot at or before tip-off and
 * opening its earliest; the value for a team is the median over bookmakers of its own outcome
 * (or minus the opponent's when only that one is listed).
 */
public final class GameLines
{
    private static final String SPREADS = "spreads";
    private static final String TOTALS = "totals";

    /** nba_game_id -> bookmaker -> pre-game rows. */
    private final Map<String, Map<String, List<Row>>> rows;

    private GameLines(Map<String, Map<String, List<Row>>> rows)
    {
        this.rows = rows;
    }

    public static GameLines load(Warehouse warehouse, LocalDate date, GameIndex games)
    {
        Map<String, Map<String, List<Row>>> rows = new HashMap<>();
        for (Row row : warehouse.read(RawTables.GAME_LINES, DateRange.single(date))) {
            Optional<ScheduledGame> game = games.byTeams(row.getDate("game_date"), row.getString("home_team"), row.getString("away_team"));
            Instant snapshot = row.getTimestamp("snapshot_timestamp");
            if (game.isEmpty() || snapshot == null || snapshot.isAfter(game.get().preGameCutoff()) || row.getDouble("outcome_point") == null) {
                continue;
            }
            rows.computeIfAbsent(game.get().nbaGameId(), key -> new HashMap<>())
                    .computeIfAbsent(Bookmakers.normalize(row.getString("bookmaker")), key -> new ArrayList<>())
                    .add(row);
        }
        return new GameLines(rows);
    }

    public TeamLines forTeam(ScheduledGame game, String team)
    {
        Map<String, List<Row>> byBookmaker = rows.get(game.nbaGameId());
        if (byBookmaker == null) {
            return TeamLines.NONE;
        }
        String opponent = game.opponentOf(team);
        Function<List<Row>, Fraction> spread = snapshot -> spreadFor(snapshot, team, opponent);
        return new TeamLines(
                median(byBookmaker, SPREADS, true, spread),
                median(byBookmaker, SPREADS, false, spread),
                median(byBookmaker, TOTALS, true, GameLines::total),
                median(byBookmaker, TOTALS, false, GameLines::total));
    }

    /** The exact median over bookmakers (the mean of the middle two for an even count); rounded when stored. */
    private static Fraction median(Map<String, List<Row>> byBookmaker, String market, boolean closing, Function<List<Row>, Fraction> value)
    {
        List<Fraction> values = byBookmaker.values().stream()
                .map(bookmakerRows -> snapshot(bookmakerRows, market, closing))
                .filter(snapshot -> !snapshot.isEmpty())
                .map(value)
                .filter(Objects::nonNull)
                .toList();
        return Statistics.median(values);
    }

    /** The rows of one market at the bookmaker's latest (closing) or earliest (opening) snapshot. */
    private static List<Row> snapshot(List<Row> bookmakerRows, String market, boolean closing)
    {
        List<Row> marketRows = bookmakerRows.stream().filter(row -> market.equals(lowercase(row.getString("market")))).toList();
        List<Instant> timestamps = marketRows.stream().map(row -> row.getTimestamp("snapshot_timestamp")).toList();
        Optional<Instant> chosen = closing
                ? timestamps.stream().max(Comparator.naturalOrder())
                : timestamps.stream().min(Comparator.naturalOrder());
        return chosen.map(instant -> marketRows.stream().filter(row -> instant.equals(row.getTimestamp("snapshot_timestamp"))).toList())
                .orElse(List.of());
    }

    private static Fraction spreadFor(List<Row> snapshot, String team, String opponent)
    {
        Optional<Fraction> own = point(snapshot, team);
        if (own.isPresent()) {
            return own.get();
        }
        return point(snapshot, opponent).map(Fraction::negate).orElse(null);
    }

    private static Fraction total(List<Row> snapshot)
    {
        return point(snapshot, "over").or(() -> point(snapshot, "under")).orElse(null);
    }

    /** The outcome's point as the decimal the source wrote. */
    private static Optional<Fraction> point(List<Row> snapshot, String outcome)
    {
        return snapshot.stream()
                .filter(row -> outcome.equalsIgnoreCase(row.getString("outcome").trim()))
                .map(row -> Fraction.ofDecimal(row.getDouble("outcome_point")))
                .findFirst();
    }

    private static String lowercase(String text)
    {
        return text == null ? null : text.trim().toLowerCase(Locale.ROOT);
    }
}
