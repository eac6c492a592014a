package dev.backfillfleet.coordinator.doctor;

import dev.backfillfleet.coordinator.output.DateRuns;

import java.time.LocalDate;
import java.util.List;

/** Dates as {@code --dates} takes them, and shortened for a line of the report. */
final class MendDates
{
    private static final int SHOWN = 120;

    private MendDates() {}

    /** {@code 2024-01-01..2024-01-03,2024-01-07}: every date, runs of consecutive ones as A..B. */
    static String of(List<LocalDate> dates)
    {
        return DateRuns.compact(dates).replace(", ", ",");
    }

    static String shown(List<LocalDate> dates)
    {
        String all = DateRuns.compact(dates);
        return all.length() <= SHOWN ? all : all.substring(0, all.lastIndexOf(", ", SHOWN)) + ", ...";
    }
}
