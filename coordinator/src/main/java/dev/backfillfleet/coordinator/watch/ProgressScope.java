package dev.backfillfleet.coordinator.watch;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateSelection;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Which dates of which tables a progress view counts: the same dates for every table (watch,
 * status; without dates, every record), or each table its own (run: with {@code all}, the
 * upstream tables also have the 30 days before the range).
 *
 * @param onlyTablesWithRecords tables not asked for by name are shown only once they have records
 */
public record ProgressScope(List<AnalyticsTable> tables, boolean onlyTablesWithRecords, Optional<DateSelection> commonDates,
        Map<AnalyticsTable, DateSelection> datesByTable)
{
    public ProgressScope
    {
        tables = List.copyOf(tables);
        requireNonNull(commonDates, "commonDates is null");
        datesByTable = Map.copyOf(datesByTable);
    }

    /** The given tables (every table of {@code everyTable}, shown once it has records, when none is given) over the same dates. */
    public static ProgressScope of(Optional<List<AnalyticsTable>> tables, List<AnalyticsTable> everyTable, Optional<DateSelection> dates)
    {
        return new ProgressScope(tables.orElse(everyTable), tables.isEmpty(), dates, Map.of());
    }

    /** Exactly these (table, date)s. */
    public static ProgressScope of(Collection<DateKey> keys)
    {
        Map<AnalyticsTable, SortedSet<LocalDate>> byTable = new TreeMap<>();
        keys.forEach(key -> byTable.computeIfAbsent(key.table(), ignored -> new TreeSet<>()).add(key.date()));
        Map<AnalyticsTable, DateSelection> dates = new TreeMap<>();
        byTable.forEach((table, tableDates) -> dates.put(table, DateSelection.of(tableDates)));
        return new ProgressScope(List.copyOf(byTable.keySet()), false, Optional.empty(), dates);
    }

    /** The dates counted for {@code table}; empty: every record it has. */
    public Optional<DateSelection> dates(AnalyticsTable table)
    {
        return Optional.ofNullable(datesByTable.get(table)).or(() -> commonDates);
    }

    /** From the first date counted to the last, for a heading. */
    public Optional<DateRange> span()
    {
        if (datesByTable.isEmpty()) {
            return commonDates.map(DateSelection::span);
        }
        LocalDate first = datesByTable.values().stream().map(selection -> selection.dates().first()).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = datesByTable.values().stream().map(selection -> selection.dates().last()).max(LocalDate::compareTo).orElseThrow();
        return Optional.of(DateRange.of(first, last));
    }
}
