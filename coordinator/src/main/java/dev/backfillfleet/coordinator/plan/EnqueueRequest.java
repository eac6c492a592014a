package dev.backfillfleet.coordinator.plan;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableDefinition;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.domain.EnqueuePolicy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Tables and dates an operator asked for. When a table and its upstream tables are asked for
 * together (as with {@code all}), the upstream tables also get the dates their downstream
 * dates depend on, so that the fleet can finish everything in dependency order by itself.
 */
public record EnqueueRequest(List<AnalyticsTable> tables, DateSelection dates, EnqueuePolicy policy, TableCatalog catalog)
{
    public EnqueueRequest
    {
        tables = List.copyOf(tables);
        requireNonNull(catalog, "catalog is null");
        requireNonNull(dates, "dates is null");
        requireNonNull(policy, "policy is null");
    }

    /** The (table, date) keys to enqueue, upstream tables first. */
    public List<DateKey> keys()
    {
        Map<AnalyticsTable, SortedSet<LocalDate>> datesByTable = new LinkedHashMap<>();
        for (AnalyticsTable table : orderedTables()) {
            datesByTable.put(table, new TreeSet<>(dates.dates()));
        }
        for (AnalyticsTable table : tables) {
            for (LocalDate date : dates.dates()) {
                for (DateKey upstream : catalog.upstreamKeys(new DateKey(table, date))) {
                    SortedSet<LocalDate> upstreamDates = datesByTable.get(upstream.table());
                    if (upstreamDates != null) {
                        upstreamDates.add(upstream.date());
                    }
                }
            }
        }
        List<DateKey> keys = new ArrayList<>();
        datesByTable.forEach((table, tableDates) -> tableDates.forEach(date -> keys.add(new DateKey(table, date))));
        return keys;
    }

    /** The asked-for dates of the asked-for tables, without the upstream additions. */
    public List<DateKey> requestedKeys()
    {
        List<DateKey> keys = new ArrayList<>();
        for (AnalyticsTable table : orderedTables()) {
            dates.dates().forEach(date -> keys.add(new DateKey(table, date)));
        }
        return keys;
    }

    private List<AnalyticsTable> orderedTables()
    {
        // dependency order: each table after the tables it depends on
        return catalog.inDependencyOrder().stream().map(TableDefinition::table).filter(tables::contains).toList();
    }
}
