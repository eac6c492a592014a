package dev.backfillfleet.coordinator.report;

import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What one table's records within the report's range add up to, added one record at a time so
 * that a report of a million dates never holds a million records: per date it keeps only the
 * duration (8 bytes), and the FAILED records for their grouping by cause.
 */
public final class TableReport
{
    private final AnalyticsTable table;
    private final DateRange range;
    private final Map<DateState, Long> counts = new EnumMap<>(DateState.class);
    private final List<DateRecord> failures = new ArrayList<>();
    private long[] durationsMillis = new long[64];
    private int durationCount;
    private boolean durationsSorted;
    private long records;
    private long rowsWritten;
    private long rowsExpected;
    private long retried;

    public TableReport(AnalyticsTable table, DateRange range)
    {
        this.table = requireNonNull(table, "table is null");
        this.range = requireNonNull(range, "range is null");
    }

    public void add(DateRecord record)
    {
        records++;
        counts.merge(record.state(), 1L, Long::sum);
        rowsWritten += record.rowsWritten().orElse(0L);
        rowsExpected += record.rowsExpected().orElse(0L);
        if (record.attempts() > 1) {
            retried++;
        }
        record.duration().ifPresent(duration -> {
            if (durationCount == durationsMillis.length) {
                durationsMillis = Arrays.copyOf(durationsMillis, durationCount * 2);
            }
            durationsMillis[durationCount++] = duration.toMillis();
            durationsSorted = false;
        });
        if (record.state() == DateState.FAILED) {
            failures.add(record);
        }
    }

    public AnalyticsTable table()
    {
        return table;
    }

    public boolean hasRecords()
    {
        return records > 0;
    }

    /** Counts per state; dates in the range without a record count as PENDING (never enqueued). */
    public StateCounts counts()
    {
        Map<DateState, Long> withPending = new EnumMap<>(counts);
        withPending.merge(DateState.PENDING, range.size() - records, Long::sum);
        return new StateCounts(table, withPending);
    }

    public long rowsWritten()
    {
        return rowsWritten;
    }

    public long rowsExpected()
    {
        return rowsExpected;
    }

    /** Dates that needed more than one attempt. */
    public long retried()
    {
        return retried;
    }

    /** The processing time below which {@code percentile} percent of the finished dates fall. */
    public Optional<Duration> duration(int percentile)
    {
        if (durationCount == 0) {
            return Optional.empty();
        }
        if (!durationsSorted) {
            // sorted once for every percentile asked (the order of the durations means nothing else)
            Arrays.sort(durationsMillis, 0, durationCount);
            durationsSorted = true;
        }
        int index = (int) Math.ceil(percentile / 100.0 * durationCount) - 1;
        return Optional.of(Duration.ofMillis(durationsMillis[Math.max(0, Math.min(durationCount - 1, index))]));
    }

    public List<FailureGroup> failureGroups()
    {
        return FailureGroups.of(failures);
    }
}
