package dev.backfillfleet.worker.tables;

import java.text.Normalizer;
import java.util.Locale;

/**
 * {@code player_lookup}: the lowercase name without anything but letters and digits
 * ("Shai Gilgeous-Alexander" -> shaigilgeousalexander). Accents are dropped first, so every
 * source's spelling of a name joins on the same key.
 */
public final class PlayerLookup
{
    private PlayerLookup() {}

    public static String of(String name)
    {
        if (name == null) {
            return null;
        }
        if (isLookup(name)) {
            // already a lookup (as stored rows are): nothing to strip; the Unicode normalization and
            // two regular expressions below cost more per row than reading the row
            return name;
        }
        String withoutAccents = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static boolean isLookup(String name)
    {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
