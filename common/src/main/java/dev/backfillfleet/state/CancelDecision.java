package dev.backfillfleet.state;

/** What a cancel did to one date. */
public enum CancelDecision
{
    /** It was PENDING or QUEUED (or RUNNING under an expired lease): now CANCELLED. */
    CANCELLED,
    /** It is RUNNING and its worker stops it at the next lease renewal (cancel --now), unless its write has begun. */
    STOP_REQUESTED,
    /** It is RUNNING and finishes first: its result stands, and it is not queued again. */
    FINISHES_FIRST,
    /** Done, failed or cancelled already: nothing changes. */
    ALREADY_TERMINAL
}
