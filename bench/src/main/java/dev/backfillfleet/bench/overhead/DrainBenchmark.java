package dev.backfillfleet.bench.overhead;

import dev.backfillfleet.bench.BenchSettings;
import dev.backfillfleet.bench.Progress;
import dev.backfillfleet.bench.fleet.Completions;
import dev.backfillfleet.bench.fleet.EmbeddedFleet;
import dev.backfillfleet.bench.fleet.SyntheticDates;
import dev.backfillfleet.bench.process.ChildProcess;
import dev.backfillfleet.bench.process.ProductCommand;
import dev.backfillfleet.config.SyntheticConfig;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateState;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One real worker process ({@code bin/worker}, its default 4 slots) draining synthetic dates at
 * L = 0: dates per second with a small backlog, and with a large one, where a hot path that grows
 * with the number of dates would show.
 */
final class DrainBenchmark
{
    static final int CONCURRENCY = 4;
    private static final Duration POLL = Duration.ofMillis(100);

    private final BenchSettings settings;

    DrainBenchmark(BenchSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
    }

    DrainRun drain(int queued, int measured)
            throws InterruptedException
    {
        Path home = settings.work().newHome("drain-" + queued);
        try {
            long start = System.nanoTime();
            try (EmbeddedFleet fleet = EmbeddedFleet.open(home, Map.of())) {
                SyntheticDates.enqueue(fleet.stateStore(), fleet.runLog(), fleet.queue(), SyntheticDates.range(queued));
            }
            Progress.say("drain: %,d dates queued in %.1f s", queued, (System.nanoTime() - start) / 1e9);
            ProductCommand command = settings.launcher().worker(List.of(), List.of(
                    "--concurrency", Integer.toString(CONCURRENCY), "--http-port", "0", "--home", home.toString(),
                    "--set", SyntheticConfig.LATENCY_MS.name() + "=0"));
            ChildProcess worker = ChildProcess.start(command, Map.of(), settings.work().log(home, "worker"));
            Duration allowed = Duration.ofSeconds(30 + measured / 200);
            boolean reached;
            int exit;
            try {
                reached = awaitSucceeded(worker, measured, allowed);
                worker.terminate();
                exit = worker.waitFor(Duration.ofSeconds(60));
            }
            finally {
                worker.close();
            }
            if (exit != 0) {
                throw new IllegalStateException(command.display() + " exited " + exit + ": " + worker.output());
            }
            Completions completions;
            try (EmbeddedFleet fleet = EmbeddedFleet.open(home, Map.of())) {
                completions = Completions.of(fleet.stateStore().list(AnalyticsTable.SYNTHETIC, Optional.empty(), Set.of(DateState.SUCCEEDED)));
            }
            int done = Math.min(measured, completions.count());
            int skipped = Math.min(200, done / 10);
            double rate = completions.ratePerSecond(skipped, done);
            String note = reached ? "" : String.format(java.util.Locale.ROOT, "only %,d of %,d dates drained in the %d s allowed", completions.count(), measured,
                    allowed.toSeconds());
            Progress.say("drain with %,d queued: %.0f dates/s over completions %d..%d %s", queued, rate, skipped + 1, done, note);
            return new DrainRun(queued, measured, done, skipped, CONCURRENCY, rate, 1000 / rate, worker.wall().toMillis() / 1000.0, worker.peakRssKb(), note,
                    "coordinator enqueue --table synthetic (" + queued + " dates); " + command.display() + " until " + measured + " SUCCEEDED, then SIGTERM",
                    settings.reproduce("overhead", ""));
        }
        finally {
            settings.work().discard(home);
        }
    }

    /** Whether the worker completed {@code measured} dates within {@code timeout}; false if it was still short then. */
    private static boolean awaitSucceeded(ChildProcess worker, int measured, Duration timeout)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<WorkerMetrics> metrics = Optional.empty();
        while (metrics.isEmpty() || metrics.get().succeeded() < measured) {
            if (!worker.isAlive()) {
                throw new IllegalStateException("the worker exited before it drained " + measured + " dates: " + worker.output());
            }
            if (System.nanoTime() > deadline) {
                if (metrics.isEmpty()) {
                    throw new IllegalStateException("the worker did not serve /metrics within " + timeout.toSeconds() + " s: " + worker.output());
                }
                return false;
            }
            if (metrics.isEmpty()) {
                metrics = WorkerMetrics.fromOutput(worker.output());
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }
}
