package dev.backfillfleet.warehouse;

import java.time.Instant;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Who writes a partition, and which try this is: names a BigQuery job uniquely per
 * (table, date, run, attempt, try), and lets the embedded warehouse refuse a write older than
 * the partition's last one ({@code leaseStartedAt} orders the claims of a date).
 *
 * @param writer the worker id (empty for imports and seeding)
 * @param attempt the lease's attempt; 0 for a write that no lease fences (imports, seeding)
 * @param tryNumber 1 for the first submission of this attempt's write, then 2, 3, ...
 */
public record WriteToken(String runId, String writer, int attempt, Instant leaseStartedAt, int tryNumber)
{
    public WriteToken
    {
        requireNonNull(runId, "runId is null");
        requireNonNull(writer, "writer is null");
        requireNonNull(leaseStartedAt, "leaseStartedAt is null");
        if (!runId.matches("[A-Za-z0-9_-]{1,200}")) {
            throw new IllegalArgumentException("runId must be letters, digits, '_' or '-': " + runId);
        }
        if (attempt < 0 || tryNumber < 1) {
            throw new IllegalArgumentException("attempt must be >= 0 and tryNumber >= 1: " + attempt + ", " + tryNumber);
        }
    }

    /** A write outside the fleet's leases (an import, the demo seed): unique, never fenced. */
    public static WriteToken unfenced(String purpose)
    {
        return new WriteToken(purpose + "-" + UUID.randomUUID().toString().substring(0, 8), "", 0, Instant.EPOCH, 1);
    }

    public boolean isFenced()
    {
        return attempt > 0;
    }

    public WriteToken nextTry()
    {
        return new WriteToken(runId, writer, attempt, leaseStartedAt, tryNumber + 1);
    }
}
