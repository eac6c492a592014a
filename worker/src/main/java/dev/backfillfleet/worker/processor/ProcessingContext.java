package dev.backfillfleet.worker.processor;

import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** What a processor may use: the warehouse, the work item, which attempt this is, and the time. */
public record ProcessingContext(Warehouse warehouse, WorkItem item, String workerId, int attempt, Instant processedAt)
{
    public ProcessingContext
    {
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(item, "item is null");
        requireNonNull(workerId, "workerId is null");
        requireNonNull(processedAt, "processedAt is null");
    }
}
