package dev.backfillfleet.bench.fleet;

import dev.backfillfleet.domain.DateRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When the dates of a run finished, read back from their state records (millisecond precision):
 * the wall time of a run is measured to its last completion, not to when a poll noticed it.
 */
public record Completions(List<Instant> finishes, long rowsWritten, Instant firstStart)
{
    public Completions
    {
        finishes = List.copyOf(finishes);
    }

    public static Completions of(List<DateRecord> records)
    {
        List<Instant> finishes = records.stream().flatMap(record -> record.finishedAt().stream()).sorted().toList();
        long rows = records.stream().mapToLong(record -> record.rowsWritten().orElse(0L)).sum();
        Instant firstStart = records.stream().flatMap(record -> record.startedAt().stream()).min(Instant::compareTo).orElse(Instant.EPOCH);
        return new Completions(finishes, rows, firstStart);
    }

    public int count()
    {
        return finishes.size();
    }

    public Instant lastFinish()
    {
        return finishes.get(finishes.size() - 1);
    }

    /** From the first date's start to the last one's finish. */
    public Duration activeSpan()
    {
        return Duration.between(firstStart, lastFinish());
    }

    /**
     * Dates per second over the completions {@code from} (0-based) to {@code to} (exclusive): the
     * steady rate, without the process's start-up before the first completion.
     */
    public double ratePerSecond(int from, int to)
    {
        if (to - from < 2) {
            return Double.NaN;
        }
        double seconds = Duration.between(finishes.get(from), finishes.get(to - 1)).toNanos() / 1e9;
        return seconds <= 0 ? Double.POSITIVE_INFINITY : (to - from - 1) / seconds;
    }
}
