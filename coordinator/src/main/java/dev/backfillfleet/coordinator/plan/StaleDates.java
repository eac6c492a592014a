package dev.backfillfleet.coordinator.plan;

import dev.backfillfleet.catalog.CatalogEntry;
import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.state.StateStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Done dates computed from what changed since: a STALE date is SUCCEEDED or NO_GAMES while one of
 * its upstream dates finished (done) after it, e.g. after {@code enqueue --force} of an upstream
 * table without {@code --downstream}, or while its table's definition is of a newer version than
 * the one that computed it (a catalog file applied since). Found from the records and the
 * catalog: the done records of the table and of its upstream tables over the dates they cover.
 */
public final class StaleDates
{
    private static final Set<DateState> DONE = Set.of(DateState.SUCCEEDED, DateState.NO_GAMES);

    private StaleDates() {}

    /** The stale dates of {@code table} among {@code dates} (every date if empty), in date order. */
    public static List<DateRecord> of(StateStore stateStore, TableCatalog catalog, AnalyticsTable table, Optional<DateSelection> dates)
    {
        long version = catalog.entry(table).map(CatalogEntry::version).orElse(0L);
        if (!catalog.hasUpstreams(table) && version == 0) {
            return List.of();
        }
        List<DateRecord> done = stateStore.list(table, dates.map(DateSelection::span), DONE).stream()
                .filter(record -> dates.map(selection -> selection.dates().contains(record.key().date())).orElse(true))
                .toList();
        if (done.isEmpty()) {
            return List.of();
        }
        Map<DateKey, Instant> upstreamFinished = new HashMap<>();
        upstreamSpans(catalog, table, done).forEach((upstreamTable, span) -> stateStore.list(upstreamTable, Optional.of(span), DONE)
                .forEach(record -> record.finishedAt().ifPresent(finished -> upstreamFinished.put(record.key(), finished))));
        return done.stream().filter(record -> record.definitionVersion().orElse(0L) < version || isStale(catalog, record, upstreamFinished)).toList();
    }

    private static boolean isStale(TableCatalog catalog, DateRecord record, Map<DateKey, Instant> upstreamFinished)
    {
        Optional<Instant> finished = record.finishedAt();
        if (finished.isEmpty()) {
            return false;
        }
        return catalog.upstreamKeys(record.key()).stream()
                .map(upstreamFinished::get)
                .anyMatch(upstream -> upstream != null && upstream.isAfter(finished.get()));
    }

    /** Per upstream table, the dates the done records depend on, from the first to the last. */
    private static Map<AnalyticsTable, DateRange> upstreamSpans(TableCatalog catalog, AnalyticsTable table, List<DateRecord> done)
    {
        LocalDate first = done.get(0).key().date();
        LocalDate last = done.get(done.size() - 1).key().date();
        Map<AnalyticsTable, LocalDate[]> bounds = new TreeMap<>();
        for (LocalDate date : List.of(first, last)) {
            for (DateKey upstream : catalog.upstreamKeys(new DateKey(table, date))) {
                LocalDate[] span = bounds.computeIfAbsent(upstream.table(), ignored -> new LocalDate[] {upstream.date(), upstream.date()});
                span[0] = upstream.date().isBefore(span[0]) ? upstream.date() : span[0];
                span[1] = upstream.date().isAfter(span[1]) ? upstream.date() : span[1];
            }
        }
        Map<AnalyticsTable, DateRange> spans = new TreeMap<>();
        bounds.forEach((upstreamTable, span) -> spans.put(upstreamTable, DateRange.of(span[0], span[1])));
        return spans;
    }
}
