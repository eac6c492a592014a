package dev.backfillfleet.worker.observability;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.worker.Outcome;
import dev.backfillfleet.worker.WorkerStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TestWorkerMetrics
{
    @Test
    void rendersCountersGaugesAndAHistogramPerTable()
    {
        WorkerStats stats = new WorkerStats();
        handle(stats, AnalyticsTable.SYNTHETIC, Outcome.SUCCEEDED, Duration.ofMillis(40));
        handle(stats, AnalyticsTable.SYNTHETIC, Outcome.SUCCEEDED, Duration.ofMillis(70));
        handle(stats, AnalyticsTable.SYNTHETIC, Outcome.FAILED, Duration.ofSeconds(3));
        stats.failed(AnalyticsTable.SYNTHETIC, ErrorClass.PERMANENT);
        handle(stats, AnalyticsTable.PLAYER_SUMMARY, Outcome.DEFERRED, Duration.ofMillis(1));
        stats.deferred(AnalyticsTable.PLAYER_SUMMARY, DeferReason.UPSTREAM_NOT_DONE);
        stats.started();

        String text = new WorkerMetrics(stats, "host-1-abc\"def").render();

        assertThat(text).contains(
                "# TYPE backfill_worker_info gauge\nbackfill_worker_info{worker_id=\"host-1-abc\\\"def\"} 1\n",
                "# TYPE backfill_worker_in_flight gauge\nbackfill_worker_in_flight 1\n",
                "# TYPE backfill_worker_deliveries_total counter\n",
                "backfill_worker_deliveries_total{table=\"player_game_summary\",outcome=\"DEFERRED\"} 1\n",
                "backfill_worker_deliveries_total{table=\"synthetic\",outcome=\"SUCCEEDED\"} 2\n",
                "backfill_worker_deliveries_total{table=\"synthetic\",outcome=\"FAILED\"} 1\n",
                "backfill_worker_failures_total{table=\"synthetic\",error_class=\"PERMANENT\"} 1\n",
                "backfill_worker_deferrals_total{table=\"player_game_summary\",reason=\"upstream_not_done\"} 1\n",
                "# TYPE backfill_worker_processing_seconds histogram\n",
                "backfill_worker_processing_seconds_bucket{table=\"synthetic\",le=\"0.01\"} 0\n",
                "backfill_worker_processing_seconds_bucket{table=\"synthetic\",le=\"0.05\"} 1\n",
                "backfill_worker_processing_seconds_bucket{table=\"synthetic\",le=\"0.1\"} 2\n",
                "backfill_worker_processing_seconds_bucket{table=\"synthetic\",le=\"2.5\"} 2\n",
                "backfill_worker_processing_seconds_bucket{table=\"synthetic\",le=\"5\"} 3\n",
                "backfill_worker_processing_seconds_bucket{table=\"synthetic\",le=\"+Inf\"} 3\n",
                "backfill_worker_processing_seconds_sum{table=\"synthetic\"} 3.11\n",
                "backfill_worker_processing_seconds_count{table=\"synthetic\"} 3\n");
        assertThat(text).as("deferrals are not processing time").doesNotContain("backfill_worker_processing_seconds_count{table=\"player_game_summary\"}");
        assertThat(text.lines().filter(line -> !line.startsWith("#")))
                .allMatch(line -> line.matches("[a-z_]+(\\{.*\\})? [-+0-9.eInf]+"), "every sample is name{labels} value");
    }

    @Test
    void emptyStatsStillDeclareEveryFamily()
    {
        String text = new WorkerMetrics(new WorkerStats(), "w").render();
        assertThat(text).contains("# TYPE backfill_worker_deliveries_total counter", "# TYPE backfill_worker_failures_total counter",
                "# TYPE backfill_worker_deferrals_total counter", "# TYPE backfill_worker_processing_seconds histogram", "backfill_worker_in_flight 0");
    }

    private static void handle(WorkerStats stats, AnalyticsTable table, Outcome outcome, Duration elapsed)
    {
        stats.started();
        stats.finished(table, outcome, elapsed);
    }
}
