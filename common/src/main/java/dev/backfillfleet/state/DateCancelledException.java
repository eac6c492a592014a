package dev.backfillfleet.state;

import dev.backfillfleet.domain.Lease;

/** An operator cancelled the date with {@code --now} while it ran: the holder stops, and nothing of this attempt is written. */
public class DateCancelledException
        extends LeaseLostException
{
    public DateCancelledException(Lease lease)
    {
        super(lease, "the date was cancelled (coordinator cancel --now)");
    }
}
