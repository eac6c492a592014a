package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.RunProgress;
import dev.backfillfleet.coordinator.plan.EnqueueRequest;
import dev.backfillfleet.coordinator.plan.Enqueuer;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.inject.AccessMode;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.TableSelection;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.state.EnqueueResult;
import dev.backfillfleet.worker.Worker;
import dev.backfillfleet.worker.WorkerMain;
import dev.backfillfleet.worker.WorkerModule;
import dev.backfillfleet.worker.WorkerSettings;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "The embedded one-shot: enqueue the dates, run worker threads in this process until every date is",
                "SUCCEEDED, NO_GAMES or FAILED, with live progress, then print a summary. Safe to run again: done dates",
                "are skipped, unfinished ones (e.g. after a crash) are finished, failed ones are retried."},
        footer = ExitCodes.HELP_FOOTER)
public final class RunCommand
        implements Callable<Integer>
{
    private static final Duration POLL = Duration.ofMillis(500);

    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    DateOptions dates = new DateOptions();

    @Option(names = "--table", required = true, paramLabel = "T[,T2|all]", description = "Table(s): full or short names, or all.")
    String table;

    @Option(names = "--workers", paramLabel = "N", description = "Worker threads in this process (default: backfill.worker-concurrency, 4).")
    Integer workers;

    @Option(names = "--force", description = "Also recompute dates that are already done.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
            throws InterruptedException
    {
        PrintWriter out = spec.commandLine().getOut();
        EnqueueRequest request = new EnqueueRequest(TableSelection.parse(table), dates.required(), force ? EnqueuePolicy.FORCE : EnqueuePolicy.NORMAL);
        FleetConfig config = backend.load(workers == null ? Map.of() : Map.of(FleetConfig.WORKER_CONCURRENCY.name(), workers.toString()));
        WorkerSettings settings = WorkerSettings.from(config, WorkerMain.newWorkerId());
        try (FleetConnection fleet = new FleetConnection(config, AccessMode.READ_WRITE, List.of(new WorkerModule(settings)))) {
            fleet.checkReady(ProcessRole.WORKER);
            String runId = RunIds.newRunId();
            Enqueuer enqueuer = new Enqueuer(fleet.stateStore(), fleet.queue());
            EnqueueResult result = enqueuer.enqueue(request, runId);
            int inFlight = Enqueuer.inFlight(result).size();
            out.printf("Run %s: %d dates to process (%d already done, %d resumed), %d worker threads.%n",
                    runId, inFlight, result.count(EnqueuePolicy.EnqueueDecision.SKIP_DONE), inFlight - result.queued().size(),
                    settings.concurrency());
            out.flush();

            List<DateKey> keys = request.keys();
            RunProgress progress = new RunProgress(fleet.stateStore(), keys, out, System.console() != null);
            Worker worker = fleet.injector().getInstance(Worker.class);
            long started = System.nanoTime();
            worker.start();
            try {
                Map<DateState, Long> counts = progress.update();
                while (counts.get(DateState.SUCCEEDED) + counts.get(DateState.NO_GAMES) + counts.get(DateState.FAILED) < keys.size()) {
                    if (worker.fatalFailure().isDone()) {
                        progress.finish();
                        worker.stop(Duration.ZERO);
                        throw worker.fatalFailure().join();
                    }
                    Thread.sleep(POLL.toMillis());
                    counts = progress.update();
                }
                progress.finish();
            }
            finally {
                worker.close();
            }
            return summarize(out, fleet, request, keys, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static int summarize(PrintWriter out, FleetConnection fleet, EnqueueRequest request, List<DateKey> keys, Duration elapsed)
    {
        Map<DateState, Long> counts = new RunProgress(fleet.stateStore(), keys, out, false).counts();
        out.printf("Summary: %d dates in %.1f s: %d SUCCEEDED, %d NO_GAMES, %d FAILED.%n", keys.size(), elapsed.toMillis() / 1000.0,
                counts.get(DateState.SUCCEEDED), counts.get(DateState.NO_GAMES), counts.get(DateState.FAILED));
        if (counts.get(DateState.FAILED) > 0) {
            out.println("Failed dates: see 'coordinator failed' for the errors, 'coordinator retry --table T --failed' to retry them.");
            FailedCommand.printFailures(out, fleet.stateStore(), request.tables(), 20);
            out.flush();
            return ExitCodes.FAILED;
        }
        out.flush();
        return ExitCodes.SUCCESS;
    }
}
