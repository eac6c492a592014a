package dev.backfillfleet.state;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.TablePause;

import java.util.Map;

/**
 * The tables an operator paused, kept beside the state records so that a pause reaches every
 * worker on every machine: workers start none of a paused table's dates until it is resumed.
 */
public interface TablePauses
{
    /** Pauses a table; returns the pause in effect, the earlier one if the table was paused already. */
    TablePause pause(TablePause pause);

    /** Lifts a table's pause; returns whether it was paused. */
    boolean resume(AnalyticsTable table);

    /** The tables paused now, read from the store (not cached). */
    Map<AnalyticsTable, TablePause> pausedTables();
}
