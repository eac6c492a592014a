package dev.backfillfleet.coordinator.output;

/** Escaping for text placed in HTML, and for JSON placed in a script element. */
public final class Html
{
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

    /** JSON that cannot end its script element early: every '<' becomes a JSON escape. */
    public static String scriptSafeJson(String json)
    {
        return json.replace("<", "\\u003c");
    }
}
