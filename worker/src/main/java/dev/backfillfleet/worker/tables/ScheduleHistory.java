package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.schedule.Schedule;
import dev.backfillfleet.schedule.SeasonCompleteness;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A date whose features need history is computed only when the schedule of that history is known
 * complete, judged from the schedule itself (no table of ours in the user's warehouse records what
 * a loader completed): every season the history touches must be in {@code nba_raw.nbac_schedule}
 * whole ({@link SeasonCompleteness}). July to September are the off-season, when the NBA schedules
 * no game, so history dates in them need no season (a season that did play then, like 2019-20's,
 * has those games in its schedule like any other). Otherwise the date fails PERMANENT, naming the
 * season and the game numbers missing: a missing date would look like a day without games, a first
 * game of the season, no rest figures, no streaks, with nothing to tell it apart.
 */
final class ScheduleHistory
{
    private ScheduleHistory() {}

    /** Fails unless the schedule holds every season of {@code history} (described as {@code what}) whole. */
    static void require(AnalyticsTable table, Warehouse warehouse, DateRange history, String what)
    {
        TreeSet<Long> seasons = new TreeSet<>();
        history.dates().stream().filter(date -> !isOffSeason(date)).forEach(date -> seasons.add(seasonYear(date)));
        for (long seasonYear : seasons) {
            Optional<String> missing = SeasonCompleteness.missing(seasonYear, Schedule.gamesIn(warehouse, Schedule.seasonDates(seasonYear)));
            if (missing.isPresent()) {
                throw FleetException.permanentFailure(table.tableName() + ": " + what + " (" + history + ") is incomplete: " + missing.get()
                        + "; import the season's whole schedule, every game, as the real loader writes it");
            }
        }
    }

    static boolean isOffSeason(LocalDate date)
    {
        return date.getMonth().compareTo(Month.JULY) >= 0 && date.getMonth().compareTo(Month.SEPTEMBER) <= 0;
    }

    /** The season a date belongs to: October or later is that year's, earlier the year before's. */
    static long seasonYear(LocalDate date)
    {
        return date.getMonthValue() >= 10 ? date.getYear() : date.getYear() - 1;
    }
}
