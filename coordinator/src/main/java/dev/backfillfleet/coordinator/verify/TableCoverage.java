package dev.backfillfleet.coordinator.verify;

import dev.backfillfleet.domain.AnalyticsTable;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * How many of a table's countable dates were checked and passed, why each of the others did not,
 * and, when the range held no countable date at all, why there was nothing to check. A table with
 * nothing to check reaches no threshold: a check that checked nothing did not pass.
 */
public record TableCoverage(AnalyticsTable table, int datesChecked, List<MissingDate> missing, Optional<String> nothingToCheck)
{
    public TableCoverage
    {
        requireNonNull(table, "table is null");
        missing = List.copyOf(missing);
        requireNonNull(nothingToCheck, "nothingToCheck is null");
        if (missing.size() > datesChecked) {
            throw new IllegalArgumentException("more dates missing than checked");
        }
        if ((datesChecked == 0) != nothingToCheck.isPresent()) {
            throw new IllegalArgumentException("a reason is given exactly when there is nothing to check");
        }
    }

    public static TableCoverage checked(AnalyticsTable table, int datesChecked, List<MissingDate> missing)
    {
        return new TableCoverage(table, datesChecked, missing, Optional.empty());
    }

    public static TableCoverage nothingToCheck(AnalyticsTable table, String why)
    {
        return new TableCoverage(table, 0, List.of(), Optional.of(why));
    }

    public int passed()
    {
        return datesChecked - missing.size();
    }

    /** The passed share in percent; empty when there was nothing to check. */
    public OptionalDouble percent()
    {
        return datesChecked == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * passed() / datesChecked);
    }

    public boolean reaches(double threshold)
    {
        return percent().isPresent() && percent().getAsDouble() >= threshold;
    }

    public record MissingDate(LocalDate date, String reason) {}
}
