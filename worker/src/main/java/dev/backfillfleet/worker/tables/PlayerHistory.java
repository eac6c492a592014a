package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every player's player_game_summary rows in [D - days, D - 1]: strictly before the game date. */
public final class PlayerHistory
{
    private static final Comparator<PastGame> NEWEST_FIRST = Comparator.comparing(PastGame::date)
            .thenComparing(PastGame::nbaGameId)
            .reversed();

    // the player and what PastGame reads: reading every column was most of upcoming_player's time
    private static final List<String> COLUMNS = Stream.concat(Stream.of("player_lookup"), PastGame.COLUMNS.stream()).toList();

    private final LocalDate date;
    private final Map<String, List<PastGame>> byPlayer;

    private PlayerHistory(LocalDate date, Map<String, List<PastGame>> byPlayer)
    {
        this.date = date;
        this.byPlayer = byPlayer;
    }

    public static PlayerHistory load(Warehouse warehouse, LocalDate date, int days)
    {
        Map<String, List<PastGame>> byPlayer = new HashMap<>();
        DateRange window = DateRange.of(date.minusDays(days), date.minusDays(1));
        for (Row row : warehouse.read(AnalyticsSchemas.ref(AnalyticsTable.PLAYER_SUMMARY), window, COLUMNS)) {
            byPlayer.computeIfAbsent(PlayerLookup.of(row.getString("player_lookup")), key -> new ArrayList<>()).add(PastGame.of(row));
        }
        byPlayer.values().forEach(games -> games.sort(NEWEST_FIRST));
        return new PlayerHistory(date, byPlayer);
    }

    public PlayerGames of(String playerLookup)
    {
        return new PlayerGames(date, byPlayer.getOrDefault(playerLookup, List.of()));
    }
}
