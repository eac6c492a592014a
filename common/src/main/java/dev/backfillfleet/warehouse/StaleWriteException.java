package dev.backfillfleet.warehouse;

import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;

/** A partition write refused because a later claim of the same date already wrote it: the writer was fenced off. */
public class StaleWriteException
        extends FleetException
{
    public StaleWriteException(String message)
    {
        super(ErrorClass.PERMANENT, message);
    }
}
