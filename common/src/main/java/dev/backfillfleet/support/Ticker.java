package dev.backfillfleet.support;

/**
 * A monotonic time source in nanoseconds, for "how long since": never a date, and unmoved by a
 * clock that is offset, stepped or skewed. A worker measures the lease it holds with it
 * (docs/clocks-and-faults.md).
 */
@FunctionalInterface
public interface Ticker
{
    long nanos();

    static Ticker system()
    {
        return System::nanoTime;
    }
}
