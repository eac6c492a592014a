package dev.backfillfleet.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/** A calendar date range, both ends inclusive. */
public record DateRange(LocalDate first, LocalDate last)
{
    public DateRange
    {
        requireNonNull(first, "first is null");
        requireNonNull(last, "last is null");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("range ends (" + last + ") before it starts (" + first + ")");
        }
    }

    public static DateRange of(LocalDate first, LocalDate last)
    {
        return new DateRange(first, last);
    }

    public static DateRange single(LocalDate date)
    {
        return new DateRange(date, date);
    }

    public int size()
    {
        return Math.toIntExact(ChronoUnit.DAYS.between(first, last) + 1);
    }

    public boolean contains(LocalDate date)
    {
        return !date.isBefore(first) && !date.isAfter(last);
    }

    public List<LocalDate> dates()
    {
        return Stream.iterate(first, date -> !date.isAfter(last), date -> date.plusDays(1)).toList();
    }

    @Override
    public String toString()
    {
        return first + ".." + last;
    }
}
