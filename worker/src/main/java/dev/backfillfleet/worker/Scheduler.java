package dev.backfillfleet.worker;

import java.time.Duration;

/**
 * Runs periodic work (lease renewals). An interface of its own so that the hot path can be
 * driven by a test that moves an injected clock instead of waiting ({@code TestingScheduler}).
 */
public interface Scheduler
{
    /** Runs {@code task} every {@code period}, the first time after one period, until cancelled. */
    Cancellable every(Duration period, Runnable task);

    interface Cancellable
    {
        void cancel();
    }
}
