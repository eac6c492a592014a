package dev.backfillfleet.domain;

/**
 * The life of one (table, date), as in fleet-design.md:
 * PENDING -> QUEUED -> RUNNING -> SUCCEEDED | NO_GAMES | FAILED.
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
    FAILED;

    /** SUCCEEDED or NO_GAMES: the date's partition is complete and verified. */
    public boolean isDone()
    {
        return this == SUCCEEDED || this == NO_GAMES;
    }

    /** No worker will touch the date again without an explicit retry or force. */
    public boolean isTerminal()
    {
        return isDone() || this == FAILED;
    }
}
