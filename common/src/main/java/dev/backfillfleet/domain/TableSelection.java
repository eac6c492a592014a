package dev.backfillfleet.domain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static dev.backfillfleet.domain.FleetException.userError;

/**
 * Parses the tables an operator named: full or short names, comma separated, or {@code all}
 * for the five analytics tables. An unknown name is a user error that suggests the closest ones.
 */
public final class TableSelection
{
    private TableSelection() {}

    public static List<AnalyticsTable> parse(String text)
    {
        if (text == null || text.isBlank()) {
            throw userError("no table given: name one of " + knownNames());
        }
        Set<AnalyticsTable> tables = new LinkedHashSet<>();
        for (String name : text.split(",", -1)) {
            String trimmed = name.trim().toLowerCase(Locale.ROOT);
            if (trimmed.equals("all")) {
                tables.addAll(AnalyticsTable.all());
                continue;
            }
            tables.add(AnalyticsTable.byName(trimmed).orElseThrow(() -> unknownTable(trimmed)));
        }
        return List.copyOf(tables);
    }

    public static AnalyticsTable parseOne(String text)
    {
        List<AnalyticsTable> tables = parse(text);
        if (tables.size() != 1) {
            throw userError("exactly one table expected here, got '" + text + "'");
        }
        return tables.get(0);
    }

    private static FleetException unknownTable(String name)
    {
        List<String> closest = allNames()
                .sorted(Comparator.comparingInt(candidate -> editDistance(name, candidate)))
                .limit(2)
                .toList();
        return userError("unknown table '" + name + "'. Did you mean " + String.join(" or ", closest)
                + "? Known tables: " + knownNames());
    }

    private static String knownNames()
    {
        return String.join(", ", allNames().toList());
    }

    private static Stream<String> allNames()
    {
        return Stream.concat(
                Stream.of("all"),
                Arrays.stream(AnalyticsTable.values()).flatMap(table -> Stream.of(table.shortName(), table.tableName())).distinct());
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
