package dev.backfillfleet.domain;

import java.util.Optional;

/**
 * Which dates an enqueue turns into work. Dates in flight (QUEUED, RUNNING) are never queued
 * twice; done dates only with force; a retry takes only FAILED dates; a CANCELLED date is
 * queued again like a PENDING one.
 */
public enum EnqueuePolicy
{
    /** New, pending, cancelled and failed dates; done ones are skipped. */
    NORMAL,
    /** Like NORMAL, and done dates are recomputed too. */
    FORCE,
    /** Only FAILED dates. */
    RETRY_FAILED;

    public EnqueueDecision decide(Optional<DateRecord> current)
    {
        DateState state = current.map(DateRecord::state).orElse(DateState.PENDING);
        return switch (state) {
            case PENDING, CANCELLED -> this == RETRY_FAILED ? EnqueueDecision.SKIP_NOT_FAILED : EnqueueDecision.QUEUE;
            case QUEUED -> EnqueueDecision.SKIP_QUEUED;
            case RUNNING -> EnqueueDecision.SKIP_RUNNING;
            case SUCCEEDED, NO_GAMES -> this == FORCE ? EnqueueDecision.QUEUE
                    : this == RETRY_FAILED ? EnqueueDecision.SKIP_NOT_FAILED : EnqueueDecision.SKIP_DONE;
            case FAILED -> EnqueueDecision.QUEUE;
        };
    }

    public enum EnqueueDecision
    {
        QUEUE,
        SKIP_DONE,
        SKIP_QUEUED,
        SKIP_RUNNING,
        SKIP_NOT_FAILED
    }
}
