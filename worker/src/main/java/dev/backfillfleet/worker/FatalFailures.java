package dev.backfillfleet.worker;

import dev.backfillfleet.domain.FleetException;

import java.util.concurrent.CompletableFuture;

/**
 * The first failure that stops the whole worker (a broken environment, a subscription that
 * ended): reported by whichever thread meets it, awaited by the process's main thread.
 */
public final class FatalFailures
{
    private final CompletableFuture<FleetException> first = new CompletableFuture<>();

    public void report(FleetException failure)
    {
        first.complete(failure);
    }

    public CompletableFuture<FleetException> first()
    {
        return first;
    }
}
