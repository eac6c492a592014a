package dev.backfillfleet.state;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What can be read of the state records: by key, by table, by run, and counted. */
public interface StateQueries
{
    Optional<DateRecord> get(DateKey key);

    Map<DateKey, DateRecord> getAll(Collection<DateKey> keys);

    /** Records of a table, optionally within a range and in some states (all if empty), ordered by date. */
    List<DateRecord> list(AnalyticsTable table, Optional<DateRange> range, Set<DateState> states);

    /** Record counts per state (records that exist; absent dates are not counted). */
    Map<DateState, Long> countByState(AnalyticsTable table, Optional<DateRange> range);

    /** Dates of the table that ended SUCCEEDED, NO_GAMES or FAILED at or after {@code since}: the recent completion rate. */
    long countFinishedSince(AnalyticsTable table, Instant since);

    /** What the dates that carry {@code runId} add up to: counts per state, first start, last finish. */
    RunSummary summarizeRun(String runId);

    /** Record counts per state of one table's dates that carry {@code runId}. */
    Map<DateState, Long> countByRun(String runId, AnalyticsTable table);

    /** The records of one table that carry {@code runId}, in some states (all if empty), ordered by date. */
    List<DateRecord> listRun(String runId, AnalyticsTable table, Set<DateState> states);
}
