package dev.backfillfleet.catalog;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.FleetException;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static dev.backfillfleet.domain.FleetException.userError;

/**
 * Parses the tables an operator named: full or short names of the catalog's tables, comma
 * separated, or {@code all} for every table but {@code synthetic}, upstream tables first. An
 * unknown name is a user error that suggests the closest ones.
 */
public final class TableSelection
{
    private TableSelection() {}

    public static List<AnalyticsTable> parse(String text, TableCatalog catalog)
    {
        if (text == null || text.isBlank()) {
            throw userError("no table given: name one of " + knownNames(catalog));
        }
        Set<AnalyticsTable> tables = new LinkedHashSet<>();
        for (String name : text.split(",", -1)) {
            String trimmed = name.trim().toLowerCase(Locale.ROOT);
            if (trimmed.equals("all")) {
                catalog.all().forEach(definition -> tables.add(definition.table()));
                continue;
            }
            tables.add(catalog.find(trimmed).orElseThrow(() -> unknownTable(trimmed, catalog)).definition().table());
        }
        return List.copyOf(tables);
    }

    public static AnalyticsTable parseOne(String text, TableCatalog catalog)
    {
        List<AnalyticsTable> tables = parse(text, catalog);
        if (tables.size() != 1) {
            throw userError("exactly one table expected here, got '" + text + "'");
        }
        return tables.get(0);
    }

    private static FleetException unknownTable(String name, TableCatalog catalog)
    {
        List<String> closest = allNames(catalog)
                .sorted(Comparator.comparingInt(candidate -> editDistance(name, candidate)))
                .limit(2)
                .toList();
        return userError("unknown table '" + name + "'. Did you mean " + String.join(" or ", closest)
                + "? Known tables: " + knownNames(catalog));
    }

    private static String knownNames(TableCatalog catalog)
    {
        return String.join(", ", allNames(catalog).toList());
    }

    private static Stream<String> allNames(TableCatalog catalog)
    {
        return Stream.concat(Stream.of("all"), catalog.entries().stream()
                .flatMap(entry -> Stream.concat(entry.definition().shortName().stream(), Stream.of(entry.name())))
                .distinct());
    }

    static int editDistance(String left, String right)
    {
        int[] previous = new int[right.length() + 1];
        int[] current = new int[right.length() + 1];
        for (int j = 0; j <= right.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= left.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= right.length(); j++) {
                int substitution = previous[j - 1] + (left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[right.length()];
    }
}
