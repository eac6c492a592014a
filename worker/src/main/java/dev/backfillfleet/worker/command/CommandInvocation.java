package dev.backfillfleet.worker.command;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/** What the worker adds to a definition for one run of the program: the date, which attempt this is, and the run. */
public record CommandInvocation(LocalDate date, int attempt, String runId)
{
    public CommandInvocation
    {
        requireNonNull(date, "date is null");
        requireNonNull(runId, "runId is null");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, got " + attempt);
        }
    }
}
