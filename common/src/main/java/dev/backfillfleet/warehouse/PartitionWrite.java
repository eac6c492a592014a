package dev.backfillfleet.warehouse;

/**
 * What a partition write left: the rows now in the partition, and the rows the write was given
 * or its SELECT produced. Equal when the write took everything; the runner checks both.
 */
public record PartitionWrite(long rowsInPartition, long rowsProduced)
{
    public PartitionWrite
    {
        if (rowsInPartition < 0 || rowsProduced < 0) {
            throw new IllegalArgumentException("row counts are not negative: " + rowsInPartition + ", " + rowsProduced);
        }
    }
}
