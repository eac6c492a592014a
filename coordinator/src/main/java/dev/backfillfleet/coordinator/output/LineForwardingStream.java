package dev.backfillfleet.coordinator.output;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/** Collects what is written into lines and hands each complete line on (without its line break). */
public final class LineForwardingStream
        extends OutputStream
{
    private final Consumer<String> lines;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public LineForwardingStream(Consumer<String> lines)
    {
        this.lines = requireNonNull(lines, "lines is null");
    }

    @Override
    public synchronized void write(int b)
    {
        if (b == '\n') {
            String line = pending.toString(StandardCharsets.UTF_8);
            pending.reset();
            lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        else {
            pending.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length)
    {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    /** Hands on what is left of an unfinished line. */
    @Override
    public synchronized void close()
    {
        if (pending.size() > 0) {
            write('\n');
        }
    }
}
