package dev.backfillfleet.coordinator.watch;

import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.coordinator.output.Terminal;
import dev.backfillfleet.coordinator.output.TerminalWidth;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

import static java.util.Objects.requireNonNull;

/**
 * Shows progress samples, for {@code watch} and {@code run} alike: on a terminal the block is
 * redrawn in place (and anything else printed meanwhile goes above it, see {@link #printAbove});
 * in a file or a pipe a line per table whenever the counts change, at most every
 * {@code plainLinesEvery}, and at least once a minute.
 */
public final class ProgressView
{
    private static final Duration PLAIN_HEARTBEAT = Duration.ofMinutes(1);

    private final PrintWriter out;
    private final Terminal terminal;
    private final WatchFrame frame;
    private final Duration plainLinesEvery;
    private final LongSupplier nanoTime;
    private final RedrawingScreen screen;
    private List<StateCounts> lastCounts = List.of();
    private boolean printed;
    private long lastPrintNanos;

    public ProgressView(PrintWriter out, Terminal terminal, WatchFrame frame, Duration plainLinesEvery, LongSupplier nanoTime)
    {
        this.out = requireNonNull(out, "out is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.frame = requireNonNull(frame, "frame is null");
        this.plainLinesEvery = requireNonNull(plainLinesEvery, "plainLinesEvery is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.screen = new RedrawingScreen(out);
    }

    /** Shows a sample; {@code last}: the final one, always printed. */
    public void show(List<TableProgress> progress, LocalTime time, String refresh, boolean last)
    {
        if (terminal.interactive()) {
            OptionalInt columns = TerminalWidth.detect();
            screen.draw(frame.block(progress, time, refresh, columns), columns);
            return;
        }
        List<StateCounts> counts = progress.stream().map(TableProgress::counts).toList();
        long now = nanoTime.getAsLong();
        boolean changed = !counts.equals(lastCounts) && (!printed || now - lastPrintNanos >= plainLinesEvery.toNanos());
        if (last || !printed || changed || now - lastPrintNanos >= PLAIN_HEARTBEAT.toNanos()) {
            synchronized (this) {
                frame.lines(progress, time).forEach(out::println);
                out.flush();
            }
            lastCounts = counts;
            printed = true;
            lastPrintNanos = now;
        }
    }

    /** A line from elsewhere (a log line, the demo league's seeding): above the block on a terminal, so that it does not break it. */
    public void printAbove(String line)
    {
        if (terminal.interactive()) {
            screen.printAbove(line);
            return;
        }
        synchronized (this) {
            out.println(line);
            out.flush();
        }
    }

    public WatchFrame frame()
    {
        return frame;
    }
}
