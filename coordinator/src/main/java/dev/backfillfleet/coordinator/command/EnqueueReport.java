package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.coordinator.plan.Enqueuer;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.EnqueuePolicy.EnqueueDecision;
import dev.backfillfleet.state.EnqueueResult;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prints per table what an enqueue did (or would do). */
final class EnqueueReport
{
    private EnqueueReport() {}

    static void print(PrintWriter out, EnqueueResult result, boolean dryRun, TableCatalog catalog)
    {
        Map<AnalyticsTable, Map<EnqueueDecision, Long>> byTable = new TreeMap<>();
        result.decisions().forEach((key, decision) -> byTable
                .computeIfAbsent(key.table(), ignored -> new EnumMap<>(EnqueueDecision.class))
                .merge(decision, 1L, Long::sum));
        String verb = dryRun ? "would queue" : "queued";
        byTable.forEach((table, counts) -> out.printf("  %-32s %s %d dates; skipped: %d done, %d queued, %d running%s%n",
                table.tableName(), verb, counts.getOrDefault(EnqueueDecision.QUEUE, 0L),
                counts.getOrDefault(EnqueueDecision.SKIP_DONE, 0L), counts.getOrDefault(EnqueueDecision.SKIP_QUEUED, 0L),
                counts.getOrDefault(EnqueueDecision.SKIP_RUNNING, 0L),
                counts.containsKey(EnqueueDecision.SKIP_NOT_FAILED) ? ", " + counts.get(EnqueueDecision.SKIP_NOT_FAILED) + " not failed" : ""));
        if (dryRun) {
            Map<AnalyticsTable, List<LocalDate>> queued = new TreeMap<>();
            for (DateKey key : result.queued()) {
                queued.computeIfAbsent(key.table(), ignored -> new java.util.ArrayList<>()).add(key.date());
            }
            queued.forEach((table, dates) -> out.println("  " + catalog.displayName(table) + ": " + DateLists.compact(dates)));
        }
        int republished = Enqueuer.inFlight(result).size() - result.queued().size();
        out.printf("Total: %d (table, date) messages %s%s.%n", result.queued().size() + republished, dryRun ? "would be published" : "published",
                republished == 0 ? "" : ", " + republished + " of them again for dates already queued or running (their message may have been lost;"
                        + " a duplicate is harmless)");
        out.flush();
    }
}
