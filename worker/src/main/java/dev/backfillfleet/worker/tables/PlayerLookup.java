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
        String withoutAccents = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
