package dev.backfillfleet.coordinator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Rate and ETA from the recent completion rate (a sliding window), not the average since the
 * start: a backfill that slows down or speeds up shows it within the window.
 */
public final class ProgressMeter
{
    private final Duration window;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public ProgressMeter(Duration window)
    {
        this.window = window;
    }

    public synchronized void record(long nanos, long completed)
    {
        samples.addLast(new Sample(nanos, completed));
        while (samples.size() > 2 && nanos - samples.peekFirst().nanos() > window.toNanos()) {
            samples.removeFirst();
        }
    }

    /** Completions per second over the window; empty until two samples span some time. */
    public synchronized Optional<Double> ratePerSecond()
    {
        if (samples.size() < 2) {
            return Optional.empty();
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        double seconds = (last.nanos() - first.nanos()) / 1e9;
        return seconds <= 0 ? Optional.empty() : Optional.of((last.completed() - first.completed()) / seconds);
    }

    public Optional<Duration> eta(long remaining)
    {
        if (remaining == 0) {
            return Optional.of(Duration.ZERO);
        }
        return ratePerSecond().filter(rate -> rate > 0).map(rate -> Duration.ofMillis((long) (remaining / rate * 1000)));
    }

    public static String format(Optional<Duration> duration)
    {
        if (duration.isEmpty()) {
            return "--";
        }
        long seconds = duration.get().toSeconds();
        if (seconds >= 3600) {
            return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }

    private record Sample(long nanos, long completed) {}
}
