package dev.backfillfleet.coordinator.verify;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableDefinition;
import dev.backfillfleet.catalog.TableKind;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies one table over the countable dates of a selection: a date passes when its record is
 * SUCCEEDED, its rows written equal its rows expected, and the warehouse partition holds exactly
 * those rows. A table that runs on game dates only (the built-in analytics tables, a catalog
 * table with {@code games_only}) counts the schedule's game dates; any other, every date, where
 * NO_GAMES (a verified date with no rows) passes too. Without a countable date, the table has
 * nothing to check, and the reason says why.
 *
 * <p>With {@link Source#DATA}, a date passes when the table's partition holds a row, whatever the
 * state store recorded: the real validator's rule (real-warehouse.md section 3), for history
 * another pipeline wrote.
 */
public final class CoverageCheck
{
    /** What makes a date covered: its state record and rows (the default), or rows alone. */
    public enum Source
    {
        STATE, DATA
    }

    private final StateStore stateStore;
    private final Warehouse warehouse;
    private final TableCatalog catalog;
    private final Source source;

    public CoverageCheck(StateStore stateStore, Warehouse warehouse, TableCatalog catalog)
    {
        this(stateStore, warehouse, catalog, Source.STATE);
    }

    public CoverageCheck(StateStore stateStore, Warehouse warehouse, TableCatalog catalog, Source source)
    {
        this.stateStore = stateStore;
        this.warehouse = warehouse;
        this.catalog = catalog;
        this.source = source;
    }

    /** Whether the table's dates are the schedule's game dates (else every date counts). */
    public static boolean countsGameDatesOnly(TableDefinition definition)
    {
        boolean analyticsBuiltIn = definition.kind() instanceof TableKind.BuiltIn && !definition.name().equals(TableCatalog.SYNTHETIC);
        return analyticsBuiltIn || definition.gamesOnly();
    }

    public TableCoverage check(AnalyticsTable table, GameDates.Eligible eligible, DateSelection asked)
    {
        if (eligible.dates().isEmpty()) {
            return TableCoverage.nothingToCheck(table, NothingToCheck.why(eligible, recordsIn(table, asked)));
        }
        if (source == Source.DATA) {
            return withoutRows(table, eligible);
        }
        Map<LocalDate, DateRecord> records = new HashMap<>();
        stateStore.list(table, Optional.of(DateRange.of(eligible.dates().first(), eligible.dates().last())), Set.of())
                .forEach(record -> records.put(record.key().date(), record));
        List<TableCoverage.MissingDate> missing = new ArrayList<>();
        for (LocalDate date : eligible.dates()) {
            reasonMissing(table, date, records.get(date)).ifPresent(reason -> missing.add(new TableCoverage.MissingDate(date, reason)));
        }
        return TableCoverage.checked(table, eligible.dates().size(), missing);
    }

    private TableCoverage withoutRows(AnalyticsTable table, GameDates.Eligible eligible)
    {
        List<TableCoverage.MissingDate> missing = new ArrayList<>();
        for (LocalDate date : eligible.dates()) {
            if (warehouse.countPartition(catalog.definition(table).ref(), date) == 0) {
                missing.add(new TableCoverage.MissingDate(date, "no rows in the partition"));
            }
        }
        return TableCoverage.checked(table, eligible.dates().size(), missing);
    }

    private List<DateRecord> recordsIn(AnalyticsTable table, DateSelection asked)
    {
        return stateStore.list(table, Optional.of(asked.span()), Set.of()).stream()
                .filter(record -> asked.dates().contains(record.key().date()))
                .filter(record -> record.state() != DateState.PENDING)
                .toList();
    }

    private Optional<String> reasonMissing(AnalyticsTable table, LocalDate date, DateRecord record)
    {
        if (record == null || record.state() == DateState.PENDING) {
            return Optional.of("never enqueued");
        }
        if (record.state() == DateState.FAILED) {
            return Optional.of("FAILED: " + record.errorMessage().orElse("no message"));
        }
        boolean gameDates = countsGameDatesOnly(catalog.definition(table));
        if (record.state() == DateState.NO_GAMES) {
            return gameDates ? Optional.of("NO_GAMES, but the schedule has games on this date") : Optional.empty();
        }
        if (record.state() != DateState.SUCCEEDED) {
            return Optional.of(record.state().name());
        }
        long written = record.rowsWritten().orElse(-1L);
        long expected = record.rowsExpected().orElse(-1L);
        if (written != expected || written <= 0) {
            return Optional.of("SUCCEEDED with " + written + " rows written, " + expected + " expected");
        }
        long inPartition = warehouse.countPartition(catalog.definition(table).ref(), date);
        if (inPartition != written) {
            return Optional.of("the partition holds " + inPartition + " rows, the record says " + written + " were written");
        }
        return Optional.empty();
    }
}
