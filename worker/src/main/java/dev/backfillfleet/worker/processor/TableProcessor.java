package dev.backfillfleet.worker.processor;

import dev.backfillfleet.domain.AnalyticsTable;

import java.time.LocalDate;

/** Computes one table for one date from the warehouse; writing and verifying is the runner's job. */
public interface TableProcessor
{
    AnalyticsTable table();

    /** The rows of {@code date}'s partition and how many the inputs say there must be. */
    ProcessorOutput process(LocalDate date, ProcessingContext context);
}
