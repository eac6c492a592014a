package dev.backfillfleet.worker.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Splits a stream of UTF-8 text into lines as it arrives, keeping at most {@code maxChars} of
 * any line (the rest is dropped and the line marked truncated), so that a program that never
 * prints a newline cannot fill the worker's memory. {@code \n} ends a line, and a {@code \r}
 * before it is dropped; malformed UTF-8 reads as U+FFFD.
 */
final class BoundedLines
{
    private static final int MAX_KEPT_CAPACITY = 1 << 16;

    /** Receives each line, numbered from 1. */
    interface Sink
    {
        void line(int number, String text, boolean truncated);
    }

    private final int maxChars;
    private final Sink sink;
    private StringBuilder line = new StringBuilder();
    private boolean truncated;
    private int number;

    private BoundedLines(int maxChars, Sink sink)
    {
        this.maxChars = maxChars;
        this.sink = sink;
    }

    /** Reads {@code in} to its end. */
    static void read(InputStream in, int maxChars, Sink sink)
            throws IOException
    {
        new BoundedLines(maxChars, sink).readAll(new InputStreamReader(in, UTF_8));
    }

    private void readAll(Reader reader)
            throws IOException
    {
        char[] buffer = new char[8192];
        int count;
        while ((count = reader.read(buffer)) != -1) {
            int start = 0;
            for (int index = 0; index < count; index++) {
                if (buffer[index] == '\n') {
                    append(buffer, start, index);
                    emit();
                    start = index + 1;
                }
            }
            append(buffer, start, count);
        }
        if (line.length() > 0 || truncated) {
            emit();
        }
    }

    private void append(char[] buffer, int start, int end)
    {
        int room = maxChars - line.length();
        int length = end - start;
        if (length > room) {
            truncated = true;
            length = room;
        }
        line.append(buffer, start, length);
    }

    private void emit()
    {
        int length = line.length();
        if (!truncated && length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
        }
        sink.line(++number, line.toString(), truncated);
        truncated = false;
        if (line.capacity() > MAX_KEPT_CAPACITY) {
            line = new StringBuilder();
        }
        else {
            line.setLength(0);
        }
    }
}
