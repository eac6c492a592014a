package dev.backfillfleet.warehouse.io;

/** A value that does not fit its column; the reader adds the file, line and column. */
public final class BadValueException
        extends Exception
{
    public BadValueException(String message)
    {
        super(message);
    }
}
