package dev.backfillfleet.coordinator.plan;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.state.StateStore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The (table, date)s that depend, directly or through others, on some (table, date)s: what has to
 * run again after they do ({@code enqueue --force --downstream}). Only dependents that were
 * enqueued before count (never-enqueued and cancelled ones are left alone, as an enqueue treats
 * them alike); they run after their upstream dates by the workers' usual gating.
 */
public final class Dependents
{
    private Dependents() {}

    /** Upstream tables first, then by date: the order in which the fleet can run them. */
    public static Comparator<DateKey> dependencyOrder(TableCatalog catalog)
    {
        return Comparator.<DateKey>comparingInt(key -> catalog.entry(key.table()).map(entry -> catalog.depth(entry.name())).orElse(0))
                .thenComparing(DateKey::table)
                .thenComparing(DateKey::date);
    }

    public static List<DateKey> of(Collection<DateKey> keys, StateStore stateStore, TableCatalog catalog)
    {
        Set<DateKey> asked = Set.copyOf(keys);
        Set<DateKey> reached = new LinkedHashSet<>();
        Deque<DateKey> frontier = new ArrayDeque<>(keys);
        while (!frontier.isEmpty()) {
            DateKey key = frontier.removeFirst();
            for (DateKey dependent : catalog.downstreamKeys(key)) {
                if (!asked.contains(dependent) && reached.add(dependent)) {
                    frontier.addLast(dependent);
                }
            }
        }
        Map<DateKey, DateRecord> records = stateStore.getAll(reached);
        List<DateKey> dependents = new ArrayList<>();
        for (DateKey key : reached) {
            DateRecord record = records.get(key);
            if (record != null && record.state() != DateState.PENDING && record.state() != DateState.CANCELLED) {
                dependents.add(key);
            }
        }
        dependents.sort(dependencyOrder(catalog));
        return dependents;
    }
}
