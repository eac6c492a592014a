package dev.backfillfleet.worker.tables;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Which bookmaker's line wins when one must be chosen: draftkings, fanduel, then the others alphabetically. */
public final class Bookmakers
{
    private static final List<String> PREFERRED = List.of("draftkings", "fanduel");

    public static final Comparator<String> PRIORITY = Comparator
            .comparingInt(Bookmakers::rank)
            .thenComparing(Bookmakers::normalize);

    private Bookmakers() {}

    public static String normalize(String bookmaker)
    {
        return bookmaker.trim().toLowerCase(Locale.ROOT);
    }

    private static int rank(String bookmaker)
    {
        int index = PREFERRED.indexOf(normalize(bookmaker));
        return index < 0 ? PREFERRED.size() : index;
    }
}
