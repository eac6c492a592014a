package dev.backfillfleet.worker.command;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last lines a program wrote to standard error, bounded in lines and characters however much
 * it writes: what a failed date's message and the log show of why it failed.
 */
final class StandardErrorTail
        implements BoundedLines.Sink
{
    static final int MAX_LINES = 20;
    static final int MAX_CHARS = 4096;

    private final Deque<String> lines = new ArrayDeque<>();
    private int total;

    @Override
    public synchronized void line(int number, String text, boolean truncated)
    {
        total = number;
        lines.addLast(truncated ? text + " [...]" : text);
        if (lines.size() > MAX_LINES) {
            lines.removeFirst();
        }
    }

    /** The tail as text: at most {@value #MAX_LINES} lines and {@value #MAX_CHARS} characters, the end kept. */
    synchronized String text()
    {
        String text = String.join("\n", lines);
        return text.length() <= MAX_CHARS ? text : "[...]" + text.substring(text.length() - MAX_CHARS);
    }

    /** For a failure's message: what the program last wrote to standard error, or that it wrote nothing. */
    synchronized String describe()
    {
        if (lines.isEmpty()) {
            return "it wrote nothing to standard error";
        }
        String which = total > lines.size() ? "the last " + lines.size() + " of its " + total + " lines of standard error" : "its standard error";
        return which + ":\n" + text();
    }
}
