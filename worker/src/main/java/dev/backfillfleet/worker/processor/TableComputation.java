package dev.backfillfleet.worker.processor;

import java.time.LocalDate;

/**
 * Computes one catalog table for one date, whatever computes it: a built-in processor, the user's
 * SQL or the user's program. Writing and verifying is the runner's job.
 */
public interface TableComputation
{
    ComputedDate compute(LocalDate date, ProcessingContext context);
}
