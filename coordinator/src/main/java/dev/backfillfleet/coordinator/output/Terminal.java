package dev.backfillfleet.coordinator.output;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the output may use: cursor movement only on an interactive terminal, colour only there
 * and never with {@code NO_COLOR} set (https://no-color.org), block characters only when the
 * output encoding can carry them.
 */
public record Terminal(boolean interactive, boolean colour, boolean unicode)
{
    public static Terminal detect()
    {
        return detect(System.console() != null, System.getenv(), Charset.defaultCharset());
    }

    static Terminal detect(boolean interactive, Map<String, String> environment, Charset charset)
    {
        boolean noColour = !environment.getOrDefault("NO_COLOR", "").isEmpty() || "dumb".equals(environment.get("TERM"));
        return new Terminal(interactive, interactive && !noColour, interactive && charset.equals(StandardCharsets.UTF_8));
    }

    /** Output to a file or a pipe: no cursor movement, no colour, ASCII only. */
    public static Terminal plain()
    {
        return new Terminal(false, false, false);
    }

    public Style style()
    {
        return new Style(colour);
    }
}
