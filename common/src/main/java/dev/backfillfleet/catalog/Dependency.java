package dev.backfillfleet.catalog;

import java.time.LocalDate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A table's date D needs {@code upstream}'s dates D + firstDay .. D + lastDay done first:
 * {@code [-30, -1]} is the 30 days before, {@code [0, 0]} the same date.
 */
public record Dependency(String upstream, int firstDay, int lastDay)
{
    /** A window longer than this is a mistake, not a dependency: about ten years. */
    public static final int MAX_WINDOW_DAYS = 3_660;

    public Dependency
    {
        requireNonNull(upstream, "upstream is null");
        if (firstDay > lastDay) {
            throw new IllegalArgumentException("window [" + firstDay + ", " + lastDay + "] ends before it starts");
        }
        if (Math.abs(firstDay) > MAX_WINDOW_DAYS || Math.abs(lastDay) > MAX_WINDOW_DAYS) {
            throw new IllegalArgumentException("window [" + firstDay + ", " + lastDay + "] reaches more than " + MAX_WINDOW_DAYS + " days away");
        }
    }

    /** The upstream dates that {@code date} needs. */
    public List<LocalDate> upstreamDates(LocalDate date)
    {
        return date.plusDays(firstDay).datesUntil(date.plusDays(lastDay + 1L)).toList();
    }

    /** The dates of the dependent table that need the upstream's {@code upstreamDate}: the inverse window. */
    public List<LocalDate> dependentDates(LocalDate upstreamDate)
    {
        return upstreamDate.minusDays(lastDay).datesUntil(upstreamDate.minusDays(firstDay - 1L)).toList();
    }

    @Override
    public String toString()
    {
        return upstream + " [" + firstDay + ", " + lastDay + "]";
    }
}
