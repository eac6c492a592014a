package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.schedule.ScheduledGame;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The gamebook of a date, by schedule game, one line per player by the real pick rule: per game and
 * player_lookup, the latest processed_at. A row names its game by the standard id or, in rows that a
 * late-2025 re-run left behind, the 10-digit id: both resolve to the schedule's game, so a stale row
 * under the other id form is a duplicate like any other. A row without a team (its team name in the
 * PDF could not be mapped) or without any name cannot be attributed and is not a line.
 */
public final class Gamebook
{
    static final List<String> COLUMNS = Stream.concat(
            Stream.of("game_id", "player_name", "player_name_original", "player_lookup", "team_abbr", "player_status", "minutes", "plus_minus", "processed_at"),
            RawTables.GAMEBOOK_STAT_NAMES.values().stream()).toList();

    private static final Comparator<GamebookLine> LATEST = Comparator.comparing(GamebookLine::processedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));

    private final Map<ScheduledGame, List<GamebookLine>> lines;
    private final List<String> unknownGames;

    private Gamebook(Map<ScheduledGame, List<GamebookLine>> lines, List<String> unknownGames)
    {
        this.lines = lines;
        this.unknownGames = unknownGames;
    }

    /**
     * The gamebook of {@code date} for {@code table}, which needs it whole: a row of a game the
     * schedule does not list, or a final game without rows, fails the date, naming the table and the game.
     */
    public static Gamebook load(AnalyticsTable table, Warehouse warehouse, LocalDate date, List<ScheduledGame> games)
    {
        Gamebook gamebook;
        try {
            gamebook = read(warehouse, date, games);
        }
        catch (FleetException e) {
            throw InputFailures.forTable(table, e);
        }
        if (!gamebook.unknownGames.isEmpty()) {
            throw FleetException.permanentFailure(table.tableName() + ": " + RawTables.GAMEBOOK_PLAYER_STATS + " has rows for game "
                    + gamebook.unknownGames.get(0) + ", which the schedule does not list on " + date);
        }
        for (Map.Entry<ScheduledGame, List<GamebookLine>> entry : gamebook.lines.entrySet()) {
            if (entry.getKey().isFinal() && entry.getValue().isEmpty()) {
                throw InputFailures.missingInput(table, entry.getKey(), "has no rows in " + RawTables.GAMEBOOK_PLAYER_STATS);
            }
        }
        return gamebook;
    }

    /** The gamebook of {@code date} as it is, rows of games off the schedule set aside. */
    public static Gamebook read(Warehouse warehouse, LocalDate date, List<ScheduledGame> games)
    {
        GameIndex index = GameIndex.of(games);
        Map<ScheduledGame, Map<String, GamebookLine>> latest = new LinkedHashMap<>();
        games.forEach(game -> latest.put(game, new LinkedHashMap<>()));
        List<String> unknownGames = new ArrayList<>();
        for (Row row : warehouse.read(RawTables.GAMEBOOK_PLAYER_STATS, DateRange.single(date), COLUMNS)) {
            ScheduledGame game = index.byAnyId(row.getString("game_id")).orElse(null);
            if (game == null) {
                unknownGames.add(row.getString("game_id"));
                continue;
            }
            if (row.getString("team_abbr") == null || (row.getString("player_lookup") == null && row.getString("player_name") == null
                    && row.getString("player_name_original") == null)) {
                continue;
            }
            GamebookLine line;
            try {
                line = GamebookLine.of(game, row);
            }
            catch (FleetException e) {
                throw new FleetException(e.errorClass(), "game " + game.gameId() + ": " + e.getMessage());
            }
            latest.get(game).merge(line.playerLookup(), line, (kept, other) -> LATEST.compare(other, kept) > 0 ? other : kept);
        }
        Map<ScheduledGame, List<GamebookLine>> lines = new LinkedHashMap<>();
        latest.forEach((game, players) -> lines.put(game, List.copyOf(players.values())));
        return new Gamebook(lines, unknownGames);
    }

    public Map<ScheduledGame, List<GamebookLine>> byGame()
    {
        return lines;
    }

    /** The active players of {@code team} in {@code game}. */
    public List<GamebookLine> activePlayers(ScheduledGame game, String team)
    {
        return lines.getOrDefault(game, List.of()).stream().filter(line -> line.team().equals(team) && line.status() == GamebookStatus.ACTIVE).toList();
    }

    public List<GamebookLine> all()
    {
        return lines.values().stream().flatMap(List::stream).toList();
    }
}
