package dev.backfillfleet.worker.tables;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code player_lookup}: the lowercase name without anything but letters and digits
 * ("Shai Gilgeous-Alexander" -> shaigilgeousalexander). Each real writer normalises a little
 * differently (real-warehouse.md 0): {@link #of} is the props rule and ours, {@link #gamebook} the
 * gamebook's. The two agree except for a trailing "Junior"/"Senior" spelled out; the injury report's
 * own rule (which deletes "jr", "ii", ... anywhere and keeps accents) joins neither, so its lookups
 * are recomputed from the full name with the gamebook rule.
 */
public final class PlayerLookup
{
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]");
    private static final Pattern JUNIOR = Pattern.compile("\\s+(junior|jr\\.)$");
    private static final Pattern SENIOR = Pattern.compile("\\s+(senior|sr\\.)$");

    private PlayerLookup() {}

    /** The props rule: lowercase, combining marks stripped, everything but a-z and 0-9 dropped. */
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
        String withoutAccents = COMBINING_MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(withoutAccents.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /**
     * The gamebook's rule (normalize_name_for_lookup): NFKC, the Turkish dotless and dotted i as i,
     * combining marks stripped, case folded, a trailing " junior" or " jr." as jr (" senior", " sr."
     * as sr), then everything but a-z and 0-9 dropped. "Jaren Jackson Jr." is jarenjacksonjr.
     */
    public static String gamebook(String name)
    {
        if (name == null) {
            return null;
        }
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC).replace('\u0131', 'i').replace('\u0130', 'I');
        String withoutAccents = COMBINING_MARKS.matcher(Normalizer.normalize(compatible, Normalizer.Form.NFD)).replaceAll("");
        // upper then lower case folds what lower case alone keeps (German sharp s is ss)
        String folded = withoutAccents.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT).trim();
        String suffixed = SENIOR.matcher(JUNIOR.matcher(folded).replaceAll("jr")).replaceAll("sr");
        return NOT_LETTER_OR_DIGIT.matcher(suffixed).replaceAll("");
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
