package dev.backfillfleet.coordinator.watch;

import dev.backfillfleet.coordinator.output.TerminalWidth;

import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;

/**
 * Redraws a block of lines in place on a terminal: cursor up over the last block, rewrite, clear
 * below. Lines wider than the terminal wrap, so they count for as many rows as they take. Other
 * output (a log line, a message) goes above the block through {@link #printAbove}, which clears
 * the block, prints the line and draws the block again under it, so nothing breaks it.
 */
final class RedrawingScreen
{
    private static final String ESCAPE = "\u001b[";

    private final PrintWriter out;
    private int linesOnScreen;
    private List<String> lastLines = List.of();
    private OptionalInt lastColumns = OptionalInt.empty();

    RedrawingScreen(PrintWriter out)
    {
        this.out = out;
    }

    synchronized void draw(List<String> lines, OptionalInt columns)
    {
        StringBuilder frame = new StringBuilder();
        up(frame);
        for (String line : lines) {
            frame.append(line).append(ESCAPE).append("K\n");
        }
        frame.append(ESCAPE).append('J');
        out.print(frame);
        out.flush();
        linesOnScreen = lines.stream().mapToInt(line -> rows(line, columns)).sum();
        lastLines = List.copyOf(lines);
        lastColumns = columns;
    }

    /** Prints {@code line} where the block was and the block again below it. */
    synchronized void printAbove(String line)
    {
        StringBuilder text = new StringBuilder();
        up(text);
        text.append(ESCAPE).append('J').append(line).append('\n');
        out.print(text);
        linesOnScreen = 0;
        draw(lastLines, lastColumns);
    }

    private void up(StringBuilder frame)
    {
        if (linesOnScreen > 0) {
            frame.append(ESCAPE).append(linesOnScreen).append('F');
        }
    }

    private static int rows(String line, OptionalInt columns)
    {
        int length = TerminalWidth.visibleLength(line);
        return columns.isEmpty() || length == 0 ? 1 : (length + columns.getAsInt() - 1) / columns.getAsInt();
    }
}
