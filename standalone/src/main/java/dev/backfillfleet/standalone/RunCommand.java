package dev.backfillfleet.standalone;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableSelection;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.config.WorkerConfig;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.coordinator.command.DateOptions;
import dev.backfillfleet.coordinator.command.FailedCommand;
import dev.backfillfleet.coordinator.command.RunRecords;
import dev.backfillfleet.coordinator.output.LineForwardingStream;
import dev.backfillfleet.coordinator.output.Terminal;
import dev.backfillfleet.coordinator.plan.EnqueueRequest;
import dev.backfillfleet.coordinator.plan.Enqueuer;
import dev.backfillfleet.coordinator.watch.ProgressSampler;
import dev.backfillfleet.coordinator.watch.ProgressScope;
import dev.backfillfleet.coordinator.watch.ProgressView;
import dev.backfillfleet.coordinator.watch.TableProgress;
import dev.backfillfleet.coordinator.watch.WatchFrame;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.inject.AccessMode;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.state.EnqueueResult;
import dev.backfillfleet.worker.Worker;
import dev.backfillfleet.worker.WorkerMain;
import dev.backfillfleet.worker.WorkerModule;
import dev.backfillfleet.worker.WorkerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "The embedded one-shot: enqueue the dates, run worker threads in this process until every date is",
                "SUCCEEDED, NO_GAMES, FAILED or CANCELLED, with the same live progress as 'coordinator watch', then print a",
                "summary. Safe to run again: done dates are skipped, unfinished ones (e.g. after a crash) are finished, failed",
                "and cancelled ones are queued again."},
        footer = ExitCodes.HELP_FOOTER)
public final class RunCommand
        implements Callable<Integer>
{
    private static final Duration POLL = Duration.ofMillis(500);
    // in a log, a line per table whenever the counts changed, at most this often
    private static final Duration PLAIN_LINES_EVERY = Duration.ofSeconds(2);

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
        Configuration config = backend.load(workers == null ? Map.of() : Map.of(WorkerConfig.CONCURRENCY.name(), workers.toString()));
        TableCatalog catalog = FleetConnection.catalogOf(config);
        EnqueueRequest request = new EnqueueRequest(TableSelection.parse(table, catalog), dates.required(), force ? EnqueuePolicy.FORCE : EnqueuePolicy.NORMAL,
                catalog);
        WorkerSettings settings = WorkerSettings.from(config, WorkerMain.newWorkerId());
        try (FleetConnection fleet = new FleetConnection(config, AccessMode.READ_WRITE, List.of(new WorkerModule(settings)))) {
            fleet.checkReady(ProcessRole.WORKER);
            List<DateKey> keys = request.keys();
            var run = RunRecords.newRun(fleet.clock(), "run" + (force ? " --force" : ""), request.tables(), request.dates().toString(), keys.size());
            EnqueueResult result = new Enqueuer(fleet.stateStore(), fleet.runLog(), fleet.queue()).enqueue(request, run);
            int inFlight = Enqueuer.inFlight(result).size();
            out.printf("Run %s: %d dates to process (%d already done, %d resumed), %d worker threads.%n",
                    run.id(), inFlight, result.count(EnqueuePolicy.EnqueueDecision.SKIP_DONE), inFlight - result.queued().size(),
                    settings.concurrency());
            out.flush();

            Terminal terminal = Terminal.detect();
            // the time of day the frame shows, in this machine's zone
            Clock clock = fleet.clock().withZone(ZoneId.systemDefault());
            ProgressSampler sampler = new ProgressSampler(fleet.stateStore(), fleet.pauses(), ProgressScope.of(keys), System::nanoTime);
            ProgressView view = new ProgressView(out, terminal, new WatchFrame(terminal, sampler.scope().span(), fleet.catalog()), PLAIN_LINES_EVERY, System::nanoTime);
            Worker worker = fleet.injector().getInstance(Worker.class);
            long started = System.nanoTime();
            PrintStream standardError = System.err;
            if (terminal.interactive()) {
                // while the block is redrawn, what the workers log (and the demo league's seeding) goes above it
                System.setErr(new PrintStream(new LineForwardingStream(view::printAbove), true, StandardCharsets.UTF_8));
            }
            try {
                worker.start();
                try {
                    String refresh = "run " + run.id() + ", " + settings.concurrency() + " worker threads";
                    while (true) {
                        List<TableProgress> progress = sampler.sample();
                        boolean finished = progress.stream().allMatch(TableProgress::finished);
                        view.show(progress, LocalTime.now(clock), refresh, finished);
                        if (finished) {
                            break;
                        }
                        if (worker.fatalFailure().isDone()) {
                            worker.stop(Duration.ZERO);
                            throw worker.fatalFailure().join();
                        }
                        Thread.sleep(POLL.toMillis());
                    }
                }
                finally {
                    worker.close();
                }
            }
            finally {
                if (terminal.interactive()) {
                    System.err.flush();
                    System.setErr(standardError);
                }
            }
            return summarize(out, fleet, request, sampler, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static int summarize(PrintWriter out, FleetConnection fleet, EnqueueRequest request, ProgressSampler sampler, Duration elapsed)
    {
        List<StateCounts> counts = sampler.sample().stream().map(TableProgress::counts).toList();
        long total = counts.stream().mapToLong(StateCounts::total).sum();
        out.printf("Summary: %d dates in %.1f s: %d SUCCEEDED, %d NO_GAMES, %d FAILED%s.%n", total, elapsed.toMillis() / 1000.0,
                sum(counts, DateState.SUCCEEDED), sum(counts, DateState.NO_GAMES), sum(counts, DateState.FAILED),
                sum(counts, DateState.CANCELLED) == 0 ? "" : ", " + sum(counts, DateState.CANCELLED) + " CANCELLED (not run; an enqueue or run of them queues them again)");
        if (sum(counts, DateState.FAILED) > 0) {
            out.println("Failed dates: see 'coordinator failed' for the errors, 'coordinator retry --table T --failed' to retry them.");
            FailedCommand.printFailures(out, fleet.stateStore(), request.tables(), 20);
            out.flush();
            return ExitCodes.FAILED;
        }
        out.flush();
        return ExitCodes.SUCCESS;
    }

    private static long sum(List<StateCounts> counts, DateState state)
    {
        return counts.stream().mapToLong(each -> each.get(state)).sum();
    }
}
