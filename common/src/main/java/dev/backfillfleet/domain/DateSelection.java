package dev.backfillfleet.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import static dev.backfillfleet.domain.FleetException.userError;
import static java.util.Collections.unmodifiableSortedSet;

/**
 * The dates an operator asked for, parsed from text: a range {@code 2021-10-19..2026-01-03}
 * (both ends inclusive), a single date {@code 2024-11-01}, or a comma list of either.
 * Malformed input is a {@link ErrorClass#USER} error saying which part is wrong.
 */
public final class DateSelection
{
    private final SortedSet<LocalDate> dates;

    private DateSelection(SortedSet<LocalDate> dates)
    {
        this.dates = unmodifiableSortedSet(dates);
    }

    public static DateSelection of(DateRange range)
    {
        return new DateSelection(new TreeSet<>(range.dates()));
    }

    /** These dates; at least one. */
    public static DateSelection of(java.util.Collection<LocalDate> dates)
    {
        if (dates.isEmpty()) {
            throw new IllegalArgumentException("a date selection has at least one date");
        }
        return new DateSelection(new TreeSet<>(dates));
    }

    public static DateSelection parse(String text)
    {
        if (text == null || text.isBlank()) {
            throw userError("no dates given: expected YYYY-MM-DD, A..B or a comma list");
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                throw userError("empty entry in date list '" + text + "'");
            }
            int separator = trimmed.indexOf("..");
            if (separator < 0) {
                dates.add(parseDate(trimmed, "date"));
                continue;
            }
            LocalDate first = parseDate(trimmed.substring(0, separator), "range start");
            LocalDate last = parseDate(trimmed.substring(separator + 2), "range end");
            if (last.isBefore(first)) {
                throw userError("range '" + trimmed + "' ends before it starts");
            }
            dates.addAll(DateRange.of(first, last).dates());
        }
        return new DateSelection(dates);
    }

    /** Parses one ISO date, naming the part that is wrong when it is not one. */
    public static LocalDate parseDate(String text, String role)
    {
        String trimmed = text.trim();
        String[] parts = trimmed.split("-", -1);
        if (parts.length != 3 || parts[0].length() != 4 || parts[1].length() != 2 || parts[2].length() != 2) {
            throw userError(role + " '" + trimmed + "' is not a date: expected YYYY-MM-DD, e.g. 2024-10-22");
        }
        int year = parseNumber(parts[0], "year", trimmed, role);
        int month = parseNumber(parts[1], "month", trimmed, role);
        int day = parseNumber(parts[2], "day", trimmed, role);
        if (month < 1 || month > 12) {
            throw userError(role + " '" + trimmed + "': month " + parts[1] + " is not between 01 and 12");
        }
        try {
            return LocalDate.of(year, month, day);
        }
        catch (DateTimeException e) {
            throw userError(role + " '" + trimmed + "': day " + parts[2] + " does not exist in " + parts[0] + "-" + parts[1]);
        }
    }

    private static int parseNumber(String digits, String part, String date, String role)
    {
        if (!digits.chars().allMatch(Character::isDigit)) {
            throw userError(role + " '" + date + "': " + part + " '" + digits + "' is not a number");
        }
        return Integer.parseInt(digits);
    }

    public SortedSet<LocalDate> dates()
    {
        return dates;
    }

    public List<LocalDate> asList()
    {
        return new ArrayList<>(dates);
    }

    public int size()
    {
        return dates.size();
    }

    public DateRange span()
    {
        return DateRange.of(dates.first(), dates.last());
    }

    @Override
    public String toString()
    {
        if (dates.size() == span().size()) {
            return dates.size() == 1 ? dates.first().toString() : span().toString();
        }
        return dates.size() + " dates in " + span();
    }
}
