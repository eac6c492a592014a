package dev.backfillfleet.domain;

/**
 * The life of one (table, date), as in fleet-design.md:
 * PENDING -> QUEUED -> RUNNING -> SUCCEEDED | NO_GAMES | FAILED, and CANCELLED by an operator
 * from PENDING, QUEUED or (once its attempt ends) RUNNING.
 */
public enum DateState
{
    /** Asked about but never enqueued (also what a date without a record counts as). */
    PENDING,
    QUEUED,
    RUNNING,
    SUCCEEDED,
    /** Zero games on the date: a success with 0 rows and an empty partition. */
    NO_GAMES,
    FAILED,
    /** Cancelled by an operator: neither a success nor a failure; an enqueue queues it again like a PENDING date. */
    CANCELLED;

    /** SUCCEEDED or NO_GAMES: the date's partition is complete and verified. */
    public boolean isDone()
    {
        return this == SUCCEEDED || this == NO_GAMES;
    }

    /** No worker will touch the date again without an explicit enqueue, retry or force. */
    public boolean isTerminal()
    {
        return isDone() || this == FAILED || this == CANCELLED;
    }
}
