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
 * The player points lines of a date, from {@code odds_api_player_points_props}. Only pre-game
 * snapshots ({@code minutes_before_tipoff >= 0}) count: an in-game line would leak the game into
 * its own prediction. The line of the first bookmaker by {@link Bookmakers#PRIORITY} wins;
 * closing is its latest pre-game snapshot, opening its earliest.
 */
public final class PropLines
{
    private static final Comparator<Snapshot> CHRONOLOGICAL = Comparator.comparing(Snapshot::timestamp)
            .thenComparing(Comparator.comparingLong(Snapshot::minutesBeforeTipoff).reversed())
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
        for (Row row : warehouse.read(RawTables.PLAYER_POINTS_PROPS, DateRange.single(date))) {
            Long minutesBeforeTipoff = row.getLong("minutes_before_tipoff");
            Optional<ScheduledGame> game = games.byStandardId(row.getString("game_id"));
            if (minutesBeforeTipoff == null || minutesBeforeTipoff < 0 || game.isEmpty() || row.getDouble("points_line") == null) {
                continue;
            }
            snapshots.computeIfAbsent(key(game.get(), PlayerLookup.of(row.getString("player_lookup"))), key -> new HashMap<>())
                    .computeIfAbsent(Bookmakers.normalize(row.getString("bookmaker")), key -> new ArrayList<>())
                    .add(new Snapshot(row.getTimestamp("snapshot_timestamp"), minutesBeforeTipoff, row.getDouble("points_line")));
        }
        return new PropLines(snapshots);
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

    private record Snapshot(Instant timestamp, long minutesBeforeTipoff, double line) {}
}
