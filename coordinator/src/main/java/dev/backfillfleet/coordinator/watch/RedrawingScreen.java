package dev.backfillfleet.coordinator.watch;

import dev.backfillfleet.coordinator.output.TerminalWidth;

import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;

/**
 * Redraws a block of lines in place on a terminal: cursor up over the last block, rewrite, clear
 * below. Lines wider than the terminal wrap, so they count for as many rows as they take.
 */
final class RedrawingScreen
{
    private static final String ESCAPE = "\u001b[";

    private final PrintWriter out;
    private int linesOnScreen;

    RedrawingScreen(PrintWriter out)
    {
        this.out = out;
    }

    void draw(List<String> lines, OptionalInt columns)
    {
        StringBuilder frame = new StringBuilder();
        if (linesOnScreen > 0) {
            frame.append(ESCAPE).append(linesOnScreen).append('F');
        }
        for (String line : lines) {
            frame.append(line).append(ESCAPE).append("K\n");
        }
        frame.append(ESCAPE).append('J');
        out.print(frame);
        out.flush();
        linesOnScreen = lines.stream().mapToInt(line -> rows(line, columns)).sum();
    }

    private static int rows(String line, OptionalInt columns)
    {
        int length = TerminalWidth.visibleLength(line);
        return columns.isEmpty() || length == 0 ? 1 : (length + columns.getAsInt() - 1) / columns.getAsInt();
    }
}
