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
import java.util.Map;
import java.util.Optional;

/**
 * The player points lines of a date, from the real {@code odds_api_player_points_props}
 * (real-warehouse.md 1.5). Its game_id has two forms (the 10-digit id since late 2025 when the
 * schedule lookup succeeded, the standard id otherwise), so a row finds its game by its date and
 * home_team_abbr / away_team_abbr instead. Only pre-game snapshots count: minutes_before_tipoff at
 * least 0, or, where it is NULL (the API gave no commence time), a snapshot at or before the
 * schedule's tip-off; an in-game line would leak the game into its own prediction. Rows appended
 * twice are the same snapshot twice and change nothing. The line of the first bookmaker by
 * {@link Bookmakers#PRIORITY} wins; closing is its latest pre-game snapshot, opening its earliest.
 */
public final class PropLines
{
    static final List<String> COLUMNS = List.of(
            "home_team_abbr", "away_team_abbr", "player_lookup", "bookmaker", "points_line", "snapshot_timestamp", "minutes_before_tipoff");
    private static final Comparator<Snapshot> CHRONOLOGICAL = Comparator.comparing(Snapshot::timestamp)
            .thenComparingDouble(Snapshot::line);

    /** nba_game_id|player_lookup -> bookmaker -> pre-game snapshots. */
    private final Map<String, Map<String, List<Snapshot>>> snapshots;

    private PropLines(Map<String, Map<String, List<Snapshot>>> snapshots)
    {
        this.snapshots = snapshots;
    }

    public static PropLines load(Warehouse warehouse, LocalDate date, GameIndex games)
    {
        Map<String, Map<String, List<Snapshot>>> snapshots = new HashMap<>();
        for (Row row : warehouse.read(RawTables.PLAYER_POINTS_PROPS, DateRange.single(date), COLUMNS)) {
            Optional<ScheduledGame> game = games.byTeams(date, row.getString("home_team_abbr"), row.getString("away_team_abbr"));
            Instant taken = row.getTimestamp("snapshot_timestamp");
            if (game.isEmpty() || row.getString("player_lookup") == null || row.getDouble("points_line") == null || !isPreGame(row, taken, game.get())) {
                continue;
            }
            snapshots.computeIfAbsent(key(game.get(), PlayerLookup.of(row.getString("player_lookup"))), key -> new HashMap<>())
                    .computeIfAbsent(Bookmakers.normalize(row.getString("bookmaker")), key -> new ArrayList<>())
                    .add(new Snapshot(taken, row.getDouble("points_line")));
        }
        return new PropLines(snapshots);
    }

    private static boolean isPreGame(Row row, Instant taken, ScheduledGame game)
    {
        Long minutesBeforeTipoff = row.getLong("minutes_before_tipoff");
        if (minutesBeforeTipoff != null) {
            return minutesBeforeTipoff >= 0;
        }
        return taken != null && !taken.isAfter(game.preGameCutoff());
    }

    public Optional<PropLine> line(ScheduledGame game, String playerLookup)
    {
        Map<String, List<Snapshot>> byBookmaker = snapshots.get(key(game, playerLookup));
        if (byBookmaker == null) {
            return Optional.empty();
        }
        String bookmaker = byBookmaker.keySet().stream().min(Bookmakers.PRIORITY).orElseThrow();
        List<Snapshot> sorted = byBookmaker.get(bookmaker).stream().sorted(CHRONOLOGICAL).toList();
        return Optional.of(new PropLine(bookmaker, sorted.get(sorted.size() - 1).line(), sorted.get(0).line()));
    }

    private static String key(ScheduledGame game, String playerLookup)
    {
        return game.nbaGameId() + "|" + playerLookup;
    }

    private record Snapshot(Instant timestamp, double line) {}
}
