package dev.backfillfleet.warehouse;

/**
 * Paces partition writes per table across the whole fleet. BigQuery allows 50 partition
 * modifications per 10 seconds per partitioned table, load, query, copy and delete jobs alike
 * (https://cloud.google.com/bigquery/quotas#partitioned_tables); a fleet of hundreds of slots
 * would exceed that by far. The permits live in the state store, which every worker shares.
 */
public interface PartitionWriteGate
{
    /** No pacing: the embedded warehouse has no such limit. */
    PartitionWriteGate UNLIMITED = table -> {};

    /** Returns once this process may write one partition of {@code table}. */
    void acquire(TableRef table)
            throws InterruptedException;
}
