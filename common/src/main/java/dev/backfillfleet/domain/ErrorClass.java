package dev.backfillfleet.domain;

/**
 * The one classification every failure gets. The class decides what happens next:
 * retry in process and then release, mark the date FAILED, or exit with a usage error.
 */
public enum ErrorClass
{
    /** Timeouts, 5xx, rate limits, quota, concurrent update: retry, then release for redelivery. */
    TRANSIENT,
    /** Bad data, missing source, expected rows not written, programming error: fail the date. */
    PERMANENT,
    /** Bad input from the person at the keyboard: exit code 2, no stack trace. */
    USER,
    /**
     * The environment is wrong, not the date: a missing topic, subscription, database, dataset,
     * table or index, a missing permission, no credentials. Never marks a date FAILED and never
     * uses a delivery attempt: the process gives back what it holds and exits (code 3) with one
     * line naming the resource and the fix, because every other date would fail the same way.
     */
    ENVIRONMENT
}
