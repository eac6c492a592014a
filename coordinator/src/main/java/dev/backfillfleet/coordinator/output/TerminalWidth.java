package dev.backfillfleet.coordinator.output;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The terminal's width in columns: {@code COLUMNS} if exported, else what {@code stty size} says about /dev/tty. */
public final class TerminalWidth
{
    private static final Pattern ESCAPE = Pattern.compile("\u001b\\[[0-9;]*[A-Za-z]");

    private TerminalWidth() {}

    public static OptionalInt detect()
    {
        OptionalInt fromEnvironment = parse(System.getenv("COLUMNS"));
        return fromEnvironment.isPresent() ? fromEnvironment : fromStty();
    }

    /** The characters a line takes on screen: its length without escape codes. */
    public static int visibleLength(String line)
    {
        String visible = ESCAPE.matcher(line).replaceAll("");
        return visible.codePointCount(0, visible.length());
    }

    private static OptionalInt fromStty()
    {
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return OptionalInt.empty();
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(tty).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!stty.waitFor(1, TimeUnit.SECONDS)) {
                stty.destroyForcibly();
                return OptionalInt.empty();
            }
            String[] rowsAndColumns = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
            return rowsAndColumns.length == 2 ? parse(rowsAndColumns[1]) : OptionalInt.empty();
        }
        catch (IOException e) {
            return OptionalInt.empty();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    private static OptionalInt parse(String text)
    {
        if (text == null || !text.trim().matches("\\d{1,4}")) {
            return OptionalInt.empty();
        }
        int columns = Integer.parseInt(text.trim());
        return columns > 0 ? OptionalInt.of(columns) : OptionalInt.empty();
    }
}
