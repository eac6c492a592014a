package dev.backfillfleet.coordinator.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;

import java.io.IOException;
import java.io.Writer;

/** Escaping for text placed in HTML, and for JSON placed in a script element. */
public final class Html
{
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private Html() {}

    public static String escape(String text)
    {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char character : text.toCharArray()) {
            switch (character) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(character);
            }
        }
        return escaped.toString();
    }

    /**
     * A JSON generator writing into {@code out} (which it leaves open) whose output cannot end its
     * script element early: every '<' becomes a JSON escape.
     */
    public static JsonGenerator scriptSafeJson(Writer out)
            throws IOException
    {
        JsonGenerator json = JSON.createGenerator(out);
        json.setCharacterEscapes(ScriptSafeEscapes.INSTANCE);
        return json;
    }

    /** JSON's own escapes, and '<' as {@code \u003C}. */
    private static final class ScriptSafeEscapes
            extends CharacterEscapes
    {
        static final ScriptSafeEscapes INSTANCE = new ScriptSafeEscapes();
        private final int[] ascii;

        private ScriptSafeEscapes()
        {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii()
        {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int character)
        {
            return null;
        }
    }
}
