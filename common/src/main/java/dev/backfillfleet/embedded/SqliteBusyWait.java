package dev.backfillfleet.embedded;

import org.sqlite.BusyHandler;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * How a connection waits for a lock another process holds: it tries again after 50 µs, then
 * after pauses that double up to 1 ms, and gives up (SQLITE_BUSY) after the timeout, as
 * {@code busy_timeout} does (https://www.sqlite.org/c3ref/busy_handler.html). SQLite's own
 * handler behind {@code busy_timeout} sleeps 1, 2, 5, 10, 15, 20, 25 ms and on up to 100 ms between
 * tries ({@code sqliteDefaultBusyCallback}), which leaves the write lock idle for milliseconds
 * after its holder commits: with four worker processes on one file that idle time, not the
 * writes, bounded the fleet. One instance per connection: SQLite calls it on the thread that
 * holds the connection.
 */
final class SqliteBusyWait
        extends BusyHandler
{
    private static final long FIRST_PAUSE_NANOS = 50_000;
    private static final long LONGEST_PAUSE_NANOS = 1_000_000;

    private final long timeoutNanos;
    private long waitingSince;

    SqliteBusyWait(Duration timeout)
    {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    protected int callback(int previousTries)
    {
        long now = System.nanoTime();
        if (previousTries == 0) {
            waitingSince = now;
        }
        if (now - waitingSince >= timeoutNanos) {
            return 0;
        }
        LockSupport.parkNanos(pause(previousTries));
        return 1;
    }

    static long pause(int previousTries)
    {
        return Math.min(LONGEST_PAUSE_NANOS, FIRST_PAUSE_NANOS << Math.min(previousTries, 10));
    }
}
