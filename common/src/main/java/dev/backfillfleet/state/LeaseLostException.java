package dev.backfillfleet.state;

import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.Lease;

/** The lease expired and was taken over, or the record moved on: the holder is fenced off. */
public class LeaseLostException
        extends FleetException
{
    public LeaseLostException(Lease lease, String reason)
    {
        super(ErrorClass.PERMANENT, "lease on " + lease.key() + " (owner " + lease.owner() + ", attempt " + lease.attempt() + ") lost: " + reason);
    }
}
