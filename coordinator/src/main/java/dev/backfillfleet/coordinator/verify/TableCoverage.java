package dev.backfillfleet.coordinator.verify;

import dev.backfillfleet.domain.AnalyticsTable;

import java.time.LocalDate;
import java.util.List;

/** How many of a table's game dates are verified, and why each of the others is not. */
public record TableCoverage(AnalyticsTable table, int gameDates, List<MissingDate> missing)
{
    public TableCoverage
    {
        missing = List.copyOf(missing);
    }

    public int verified()
    {
        return gameDates - missing.size();
    }

    /** The verified share in percent; 100 when there is no game date to verify. */
    public double percent()
    {
        return gameDates == 0 ? 100.0 : 100.0 * verified() / gameDates;
    }

    public boolean reaches(double threshold)
    {
        return percent() >= threshold;
    }

    public record MissingDate(LocalDate date, String reason) {}
}
