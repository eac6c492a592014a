package dev.backfillfleet.worker;

/** What a worker did with one delivery. */
public enum Outcome
{
    SUCCEEDED,
    NO_GAMES,
    FAILED,
    /** A transient failure outlived the in-process retries: the date goes back to the queue. */
    RELEASED,
    /** Not runnable now (upstream not done, leased elsewhere, table at capacity): redelivered later. */
    DEFERRED,
    /** A duplicate or stale delivery of a terminal date: acknowledged without work. */
    SKIPPED,
    /** The date was cancelled: its message acknowledged without work, or (cancel --now) its attempt stopped before it wrote. */
    CANCELLED,
    /** The table is paused: acknowledged without work; the date stays QUEUED and resume publishes it again. */
    PAUSED,
    /** The lease was taken over while this worker ran: its result was discarded. */
    LEASE_LOST,
    /** Given back unfinished (shutdown, a broken environment): not a failure, redelivered later. */
    GIVEN_BACK
}
