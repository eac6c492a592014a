package dev.backfillfleet.domain;

/**
 * A cancel that found the date RUNNING, kept on its record until the attempt ends: the running
 * worker's result stands, but nothing queues the date again (a release or give-back cancels
 * it); with {@link #NOW} the worker's next lease renewal stops the attempt before it writes.
 */
public enum CancelRequest
{
    /** Let the running attempt finish; its result stands. */
    WHEN_ATTEMPT_ENDS,
    /** Stop the running attempt at its next lease renewal, unless its write has already begun. */
    NOW
}
