package dev.backfillfleet.state;

/**
 * What a worker does with a dead-lettered work message, decided from the date's record (see
 * {@link DateTransitions#deadLettered}). No answer fails the date: a message that ran out of
 * deliveries only proves that the date waited, and the record's own attempt budget
 * ({@code backfill.max-attempts}) already bounds the failures that are real.
 */
public enum DeadLetterDecision
{
    /** The date still needs running (QUEUED, or RUNNING under a lease that expired): publish its message again. */
    PUBLISH_AGAIN,
    /** The date ended (done, failed or cancelled): the dead letter is acknowledged, nothing changes. */
    ALREADY_TERMINAL,
    /** A live lease holds the date: its holder has a message of its own, so this copy is dropped. */
    HELD_BY_LIVE_LEASE,
    /** Cancelled while it ran and its worker is gone: recorded CANCELLED now. */
    CANCELLED
}
