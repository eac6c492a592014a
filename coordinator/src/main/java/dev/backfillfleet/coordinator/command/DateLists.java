package dev.backfillfleet.coordinator.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Writes a sorted date list compactly: runs of consecutive days as A..B. */
final class DateLists
{
    private DateLists() {}

    static String compact(List<LocalDate> dates)
    {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= dates.size(); i++) {
            if (i == dates.size() || !dates.get(i).equals(dates.get(i - 1).plusDays(1))) {
                parts.add(i - 1 == start ? dates.get(start).toString() : dates.get(start) + ".." + dates.get(i - 1));
                start = i;
            }
        }
        return String.join(",", parts);
    }
}
