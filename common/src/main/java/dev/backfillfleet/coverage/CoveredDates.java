package dev.backfillfleet.coverage;

import dev.backfillfleet.domain.DateRange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The dates one raw table is known to cover: the union of its coverage records, as disjoint sorted ranges. */
public final class CoveredDates
{
    private final List<DateRange> ranges;

    private CoveredDates(List<DateRange> ranges)
    {
        this.ranges = List.copyOf(ranges);
    }

    public static CoveredDates of(Collection<DateRange> spans)
    {
        List<DateRange> merged = new ArrayList<>();
        for (DateRange span : spans.stream().sorted(Comparator.comparing(DateRange::first)).toList()) {
            DateRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !span.first().isAfter(last.last().plusDays(1))) {
                merged.set(merged.size() - 1, DateRange.of(last.first(), span.last().isAfter(last.last()) ? span.last() : last.last()));
            }
            else {
                merged.add(span);
            }
        }
        return new CoveredDates(merged);
    }

    public List<DateRange> ranges()
    {
        return ranges;
    }

    public boolean covers(LocalDate date)
    {
        return ranges.stream().anyMatch(range -> range.contains(date));
    }

    /** The runs of dates of {@code window} that no record covers, in order. */
    public List<DateRange> uncovered(DateRange window)
    {
        List<DateRange> gaps = new ArrayList<>();
        LocalDate next = window.first();
        for (DateRange range : ranges) {
            if (next.isAfter(window.last())) {
                break;
            }
            if (range.last().isBefore(next)) {
                continue;
            }
            if (range.first().isAfter(next)) {
                LocalDate gapEnd = range.first().minusDays(1).isAfter(window.last()) ? window.last() : range.first().minusDays(1);
                gaps.add(DateRange.of(next, gapEnd));
            }
            next = range.last().plusDays(1);
        }
        if (!next.isAfter(window.last())) {
            gaps.add(DateRange.of(next, window.last()));
        }
        return gaps;
    }
}
