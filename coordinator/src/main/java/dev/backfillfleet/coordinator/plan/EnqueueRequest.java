package dev.backfillfleet.coordinator.plan;

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
public record EnqueueRequest(List<AnalyticsTable> tables, DateSelection dates, EnqueuePolicy policy)
{
    public EnqueueRequest
    {
        tables = List.copyOf(tables);
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
                for (DateKey upstream : table.upstreamKeys(date)) {
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
        List<AnalyticsTable> ordered = new ArrayList<>();
        for (AnalyticsTable table : AnalyticsTable.values()) {
            if (tables.contains(table)) {
                ordered.add(table);
            }
        }
        // dependency order: tables without upstreams first, then those that need them
        ordered.sort((left, right) -> Boolean.compare(left.hasUpstreams(), right.hasUpstreams()));
        return ordered;
    }
}
