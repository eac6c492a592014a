package dev.backfillfleet.worker.observability;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.worker.WorkerStats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The worker's /metrics: its {@link WorkerStats} as Prometheus text. Counters are per process
 * (sum them over the fleet); labels are the table's warehouse name and an enum name, so the
 * number of series stays small and fixed.
 */
public final class WorkerMetrics
{
    private final WorkerStats stats;
    private final String workerId;

    public WorkerMetrics(WorkerStats stats, String workerId)
    {
        this.stats = requireNonNull(stats, "stats is null");
        this.workerId = requireNonNull(workerId, "workerId is null");
    }

    public String render()
    {
        PrometheusText text = new PrometheusText();
        text.family("backfill_worker_info", "gauge", "Always 1; identifies the worker process.")
                .sample("backfill_worker_info", Map.of("worker_id", workerId), 1);
        text.family("backfill_worker_in_flight", "gauge", "Deliveries this worker is handling right now.")
                .sample("backfill_worker_in_flight", Map.of(), stats.inFlight());
        counters(text, "backfill_worker_deliveries_total",
                "Deliveries handled, by outcome: SUCCEEDED, NO_GAMES, FAILED (dates completed), RELEASED (transient failure, back to the queue), "
                        + "DEFERRED (not runnable yet, back to the queue), SKIPPED (duplicate of a terminal date), LEASE_LOST.",
                "outcome", stats.outcomes(), Enum::name);
        counters(text, "backfill_worker_failures_total", "Dates this worker marked FAILED, by error class.",
                "error_class", stats.failures(), Enum::name);
        counters(text, "backfill_worker_deferrals_total", "Deliveries returned to the queue without using an attempt, by reason.",
                "reason", stats.deferrals(), DeferReason::label);
        text.family("backfill_worker_throttled_retries_total", "counter",
                "Retries after the backend asked this worker to slow down (BigQuery rateLimitExceeded, quotaExceeded); they wait seconds, not milliseconds.")
                .sample("backfill_worker_throttled_retries_total", Map.of(), stats.throttledRetries());
        counters(text, "backfill_worker_state_reads_total", "State records read to check upstream dates (each one Firestore document read).",
                "reason", stats.stateReads(), state -> state.name().toLowerCase(java.util.Locale.ROOT));
        histograms(text);
        return text.toString();
    }

    private static <L extends Enum<L>> void counters(PrometheusText text, String name, String help, String labelName,
            Map<AnalyticsTable, Map<L, Long>> counts, Function<L, String> labelValue)
    {
        text.family(name, "counter", help);
        counts.forEach((table, byLabel) -> byLabel.forEach((label, count) ->
                text.sample(name, labels("table", table.tableName(), labelName, labelValue.apply(label)), count)));
    }

    private void histograms(PrometheusText text)
    {
        String name = "backfill_worker_processing_seconds";
        text.family(name, "histogram", "Time from delivery to outcome for deliveries that ran a date (not deferrals or duplicates).");
        stats.processingTimes().forEach((table, histogram) -> {
            long[] counts = histogram.cumulativeCounts();
            for (int bucket = 0; bucket < counts.length; bucket++) {
                text.sample(name + "_bucket", labels("table", table.tableName(), "le", PrometheusText.format(histogram.upperBound(bucket))), counts[bucket]);
            }
            text.sample(name + "_sum", labels("table", table.tableName()), histogram.sumSeconds());
            text.sample(name + "_count", labels("table", table.tableName()), histogram.count());
        });
    }

    private static Map<String, String> labels(String... namesAndValues)
    {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            labels.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return labels;
    }
}
