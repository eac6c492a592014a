package dev.backfillfleet.worker.tables;

import dev.backfillfleet.coverage.InputCoverageLedger;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.Warehouse;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A date whose features need history is computed only when the raw data of that history is known
 * to be complete ({@code nba_raw.input_coverage}); otherwise it fails PERMANENT, naming the raw
 * table and the dates it does not cover. A missing date would otherwise look like a day without
 * games: a first game of the season, no rest figures, no streaks, with nothing to tell it apart.
 */
final class HistoryCoverage
{
    private static final int RUNS_SHOWN = 6;

    private HistoryCoverage() {}

    /** Fails unless {@code rawTable} covers every date of {@code history}, described as {@code what}. */
    static void require(AnalyticsTable table, Warehouse warehouse, TableRef rawTable, DateRange history, String what)
    {
        List<DateRange> uncovered = InputCoverageLedger.coveredDates(warehouse, rawTable).uncovered(history);
        if (uncovered.isEmpty()) {
            return;
        }
        int count = uncovered.stream().mapToInt(DateRange::size).sum();
        throw FleetException.permanentFailure(table.tableName() + ": " + what + " (" + history + ") is incomplete: " + rawTable + " does not cover "
                + count + " of its " + history.size() + " dates (" + describe(uncovered) + "); import them, or declare the dates without games"
                + " with import --covers A..B");
    }

    private static String describe(List<DateRange> runs)
    {
        String shown = runs.stream().limit(RUNS_SHOWN).map(HistoryCoverage::describe).collect(Collectors.joining(", "));
        return runs.size() > RUNS_SHOWN ? shown + ", and " + (runs.size() - RUNS_SHOWN) + " more" : shown;
    }

    private static String describe(DateRange run)
    {
        return run.size() == 1 ? run.first().toString() : run.toString();
    }
}
