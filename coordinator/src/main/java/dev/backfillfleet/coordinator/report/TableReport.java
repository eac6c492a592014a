package dev.backfillfleet.coordinator.report;

import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** One table's records within the report's range, and what they add up to. */
public record TableReport(AnalyticsTable table, DateRange range, List<DateRecord> records)
{
    public TableReport
    {
        requireNonNull(table, "table is null");
        requireNonNull(range, "range is null");
        records = List.copyOf(records);
    }

    /** Counts per state; dates in the range without a record count as PENDING (never enqueued). */
    public StateCounts counts()
    {
        Map<DateState, Long> counts = new EnumMap<>(DateState.class);
        records.forEach(record -> counts.merge(record.state(), 1L, Long::sum));
        counts.merge(DateState.PENDING, (long) range.size() - records.size(), Long::sum);
        return new StateCounts(table, counts);
    }

    public long rowsWritten()
    {
        return records.stream().mapToLong(record -> record.rowsWritten().orElse(0L)).sum();
    }

    public long rowsExpected()
    {
        return records.stream().mapToLong(record -> record.rowsExpected().orElse(0L)).sum();
    }

    /** Dates that needed more than one attempt. */
    public long retried()
    {
        return records.stream().filter(record -> record.attempts() > 1).count();
    }

    /** The processing time below which {@code percentile} percent of the finished dates fall. */
    public Optional<Duration> duration(int percentile)
    {
        List<Duration> durations = records.stream().flatMap(record -> record.duration().stream()).sorted().toList();
        if (durations.isEmpty()) {
            return Optional.empty();
        }
        int index = (int) Math.ceil(percentile / 100.0 * durations.size()) - 1;
        return Optional.of(durations.get(Math.max(0, Math.min(durations.size() - 1, index))));
    }

    public List<FailureGroup> failureGroups()
    {
        return FailureGroups.of(records.stream().filter(record -> record.state() == DateState.FAILED).toList());
    }
}
