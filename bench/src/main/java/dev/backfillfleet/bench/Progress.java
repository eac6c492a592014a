package dev.backfillfleet.bench;

import java.time.Duration;

/** One line per step on stderr while the benchmark runs, with the time since it started. */
public final class Progress
{
    private static final long STARTED = System.nanoTime();

    private Progress() {}

    public static synchronized void say(String format, Object... args)
    {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - STARTED);
        System.err.printf("[bench %02d:%02d] %s%n", elapsed.toMinutes(), elapsed.toSecondsPart(), String.format(java.util.Locale.ROOT, format, args));
        System.err.flush();
    }
}
