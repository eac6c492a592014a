package dev.backfillfleet.schedule;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The games of the real {@code nba_raw.nbac_schedule}: regular season, play-in and playoffs
 * (All-Star games are not ours, and preseason games are not loaded), one per game.
 *
 * <p>A game may have several rows (appends before 2026-01-11 left conflicting statuses): per
 * (game_id, game_date) the highest game_status wins, then the latest processed_at. NBA.com reuses a
 * game_id when it moves a game to another date, and the row on the old date stays (status 1, or 3
 * without scores): a game that was not played on its date is a leftover when its id is on another
 * date where it was played, or on a later date. Only reads that find such an unplayed game look
 * at the rest of its season, so a date of final games costs one read.
 */
public final class Schedule
{
    public static final String REGULAR = "regular";
    public static final String PLAY_IN = "play_in";
    public static final String PLAYOFFS = "playoffs";
    public static final Set<String> COUNTED_SEASON_TYPES = Set.of(REGULAR, PLAY_IN, PLAYOFFS);
    /**
     * Before commit cf4a200a (2025-12-23) the real loader stored NBA.com's Eastern wall-clock
     * tip-off as if it were UTC (4-5 h early); every write since rewrites processed_at, so a row
     * processed before 24 December 2025 (Eastern) still holds the old form and is read as the
     * Eastern time it is (real-warehouse.md 1.1, start_time_et).
     */
    public static final Instant TIP_OFF_STORED_AS_UTC_UNTIL = LocalDate.of(2025, 12, 24).atStartOfDay(ZoneId.of("America/New_York")).toInstant();

    private static final Comparator<ScheduledGame> IN_ORDER = Comparator.comparing(ScheduledGame::gameDate)
            .thenComparing(ScheduledGame::startTimeEt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ScheduledGame::nbaGameId);

    private Schedule() {}

    public static List<ScheduledGame> gamesOn(Warehouse warehouse, LocalDate date)
    {
        return gamesIn(warehouse, DateRange.single(date));
    }

    public static List<ScheduledGame> gamesIn(Warehouse warehouse, DateRange range)
    {
        List<ScheduleRow> rows = latest(warehouse, range);
        List<ScheduleRow> unplayed = rows.stream().filter(row -> !row.isPlayed()).toList();
        if (!unplayed.isEmpty()) {
            List<ScheduleRow> elsewhere = new ArrayList<>();
            for (long seasonYear : new TreeSet<>(unplayed.stream().map(ScheduleRow::seasonYear).toList())) {
                DateRange season = seasonDates(seasonYear);
                latest(warehouse, season).stream().filter(row -> !range.contains(row.gameDate())).forEach(elsewhere::add);
            }
            rows = withoutLeftovers(rows, elsewhere);
        }
        return rows.stream().map(row -> row.toGame(row.seasonType().orElseThrow())).sorted(IN_ORDER).toList();
    }

    /**
     * The dates a season's games can be on, by the convention that defines season_year (a date in
     * October or later belongs to that year's season): 1 October to 30 September.
     */
    public static DateRange seasonDates(long seasonYear)
    {
        int year = Math.toIntExact(seasonYear);
        return DateRange.of(LocalDate.of(year, 10, 1), LocalDate.of(year + 1, 9, 30));
    }

    /** One row per (game_id, game_date) by the pick rule, games of ours only. */
    private static List<ScheduleRow> latest(Warehouse warehouse, DateRange range)
    {
        Map<String, ScheduleRow> latest = new LinkedHashMap<>();
        warehouse.read(RawTables.SCHEDULE, range, ScheduleRow.COLUMNS).stream()
                .map(ScheduleRow::of)
                .filter(row -> row.seasonType().isPresent())
                .forEach(row -> latest.merge(row.key(), row, (kept, other) -> ScheduleRow.LATEST.compare(other, kept) > 0 ? other : kept));
        return List.copyOf(latest.values());
    }

    /** {@code rows} without the leftovers of moved games, judged against the same ids in {@code rows} and {@code elsewhere}. */
    private static List<ScheduleRow> withoutLeftovers(List<ScheduleRow> rows, List<ScheduleRow> elsewhere)
    {
        Map<String, List<ScheduleRow>> byId = new HashMap<>();
        rows.forEach(row -> byId.computeIfAbsent(row.gameId(), id -> new ArrayList<>()).add(row));
        elsewhere.forEach(row -> byId.computeIfAbsent(row.gameId(), id -> new ArrayList<>()).add(row));
        return rows.stream().filter(row -> row.isPlayed() || byId.get(row.gameId()).stream().noneMatch(other -> movedTo(row, other))).toList();
    }

    /** Whether {@code other} is where the game of the unplayed {@code row} went: another date, played there, or later. */
    private static boolean movedTo(ScheduleRow row, ScheduleRow other)
    {
        return !other.gameDate().equals(row.gameDate()) && (other.isPlayed() || other.gameDate().isAfter(row.gameDate()));
    }
}
