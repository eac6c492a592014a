package dev.backfillfleet.schedule;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Reads schedule games: regular season, play-in and playoffs (preseason and All-Star are not loaded). */
public final class Schedule
{
    public static final Set<String> COUNTED_SEASON_TYPES = Set.of("regular", "play_in", "playoffs");

    private Schedule() {}

    public static List<ScheduledGame> gamesOn(Warehouse warehouse, LocalDate date)
    {
        return gamesIn(warehouse, DateRange.single(date));
    }

    public static List<ScheduledGame> gamesIn(Warehouse warehouse, DateRange range)
    {
        return warehouse.read(RawTables.SCHEDULE, range).stream()
                .map(ScheduledGame::fromRow)
                .filter(game -> COUNTED_SEASON_TYPES.contains(game.seasonType()))
                .sorted(Comparator.comparing(ScheduledGame::gameDate).thenComparing(ScheduledGame::startTimeEt).thenComparing(ScheduledGame::nbaGameId))
                .toList();
    }
}
