package dev.backfillfleet.worker.observability;

import java.util.Locale;

/** Why a delivery went back to the queue without an attempt being used. */
public enum DeferReason
{
    /** An upstream (table, date) is not done yet. */
    UPSTREAM_NOT_DONE,
    /** Another worker holds a live lease on the date. */
    HELD_BY_OTHER,
    /** The table already runs its fleet-wide maximum of dates. */
    TABLE_AT_CAPACITY,
    /** The state store did not answer (a claim's read, or the renewals of a whole lease). */
    STATE_STORE_UNREACHABLE;

    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
