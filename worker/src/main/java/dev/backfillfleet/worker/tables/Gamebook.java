package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.schedule.ScheduledGame;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gamebook of a date, by schedule game. Every row must belong to a game on the schedule
 * (resolved by date and teams, never by the order of the teams in the id), and every final game
 * must have rows: otherwise the date fails, naming the table and the game.
 */
public final class Gamebook
{
    private final Map<ScheduledGame, List<GamebookLine>> lines;

    private Gamebook(Map<ScheduledGame, List<GamebookLine>> lines)
    {
        this.lines = lines;
    }

    public static Gamebook load(AnalyticsTable table, Warehouse warehouse, LocalDate date, List<ScheduledGame> games)
    {
        GameIndex index = GameIndex.of(games);
        Map<ScheduledGame, List<GamebookLine>> lines = new LinkedHashMap<>();
        games.forEach(game -> lines.put(game, new ArrayList<>()));
        for (Row row : warehouse.read(RawTables.GAMEBOOK_PLAYER_STATS, DateRange.single(date))) {
            ScheduledGame game = index.byStandardId(row.getString("game_id"))
                    .orElseThrow(() -> FleetException.permanentFailure(table.tableName() + ": " + RawTables.GAMEBOOK_PLAYER_STATS + " has rows for game "
                            + row.getString("game_id") + ", which the schedule does not list on " + date));
            try {
                lines.get(game).add(GamebookLine.of(game, row));
            }
            catch (FleetException e) {
                throw InputFailures.forTable(table, new FleetException(e.errorClass(), "game " + game.gameId() + ": " + e.getMessage()));
            }
        }
        for (Map.Entry<ScheduledGame, List<GamebookLine>> entry : lines.entrySet()) {
            if (entry.getKey().isFinal() && entry.getValue().isEmpty()) {
                throw InputFailures.missingInput(table, entry.getKey(), "has no rows in " + RawTables.GAMEBOOK_PLAYER_STATS);
            }
        }
        return new Gamebook(lines);
    }

    public Map<ScheduledGame, List<GamebookLine>> byGame()
    {
        return lines;
    }

    public List<GamebookLine> all()
    {
        return lines.values().stream().flatMap(List::stream).toList();
    }
}
