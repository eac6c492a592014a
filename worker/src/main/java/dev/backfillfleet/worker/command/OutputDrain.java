package dev.backfillfleet.worker.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads one of a program's output streams to its end on a thread of its own, line by line into a
 * sink: standard output and standard error are drained at the same time, so that a program
 * blocked writing one (its pipe full) never waits on the worker reading the other.
 */
final class OutputDrain
{
    private final Thread thread;
    private volatile Exception failure;

    private OutputDrain(String name, InputStream stream, int maxLineChars, BoundedLines.Sink sink)
    {
        thread = new Thread(() -> {
            try (stream) {
                BoundedLines.read(stream, maxLineChars, sink);
            }
            catch (IOException | RuntimeException e) {
                failure = e;
            }
        }, name);
        thread.setDaemon(true);
    }

    static OutputDrain start(String name, InputStream stream, int maxLineChars, BoundedLines.Sink sink)
    {
        OutputDrain drain = new OutputDrain(name, stream, maxLineChars, sink);
        drain.thread.start();
        return drain;
    }

    /** Waits until the stream has been read to its end or {@code deadlineNanos} (of {@link System#nanoTime}) passes; returns whether it ended. */
    boolean awaitEnd(long deadlineNanos)
            throws InterruptedException
    {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
        }
        return !thread.isAlive();
    }

    Optional<Exception> failure()
    {
        return Optional.ofNullable(failure);
    }
}
