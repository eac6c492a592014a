package dev.backfillfleet.coordinator.output;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Writes dates compactly, runs of consecutive days as A..B: {@code 2024-01-05..2024-01-09, 2024-02-10}. */
public final class DateRuns
{
    private DateRuns() {}

    public static String compact(List<LocalDate> dates)
    {
        SortedSet<LocalDate> sorted = new TreeSet<>(dates);
        List<String> runs = new ArrayList<>();
        LocalDate start = null;
        LocalDate previous = null;
        for (LocalDate date : sorted) {
            if (previous != null && !date.equals(previous.plusDays(1))) {
                runs.add(run(start, previous));
                start = null;
            }
            start = start == null ? date : start;
            previous = date;
        }
        if (start != null) {
            runs.add(run(start, previous));
        }
        return String.join(", ", runs);
    }

    private static String run(LocalDate first, LocalDate last)
    {
        return first.equals(last) ? first.toString() : first + ".." + last;
    }
}
