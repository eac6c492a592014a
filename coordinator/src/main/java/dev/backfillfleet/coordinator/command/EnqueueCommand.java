package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.plan.EnqueueRequest;
import dev.backfillfleet.coordinator.plan.Enqueuer;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.TableSelection;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.state.EnqueueResult;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "enqueue", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Records each (table, date) as QUEUED and publishes one message for it.",
                "Skips dates already SUCCEEDED or NO_GAMES (unless --force) and dates QUEUED or RUNNING; FAILED dates are queued again."},
        footer = ExitCodes.HELP_FOOTER)
public final class EnqueueCommand
        implements Callable<Integer>
{
    /** Above this many (table, date)s, say how many and, on a terminal, ask first: a typo in a range costs hours. */
    static final int LARGE_REQUEST = 10_000;

    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    DateOptions dates = new DateOptions();

    @Option(names = "--table", required = true, paramLabel = "T[,T2|all]", description = "Table(s): full or short names, or all.")
    String table;

    @Option(names = "--force", description = "Also recompute dates that are already done.")
    boolean force;

    @Option(names = "--dry-run", description = "Print the plan; write nothing anywhere.")
    boolean dryRun;

    @Option(names = "--yes", description = "Do not ask before queueing more than " + LARGE_REQUEST + " dates.")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        EnqueueRequest request = new EnqueueRequest(TableSelection.parse(table), dates.required(), force ? EnqueuePolicy.FORCE : EnqueuePolicy.NORMAL);
        FleetConfig config = backend.load();
        if (dryRun) {
            try (FleetConnection fleet = FleetConnection.readOnly(config)) {
                EnqueueResult plan = Enqueuer.plan(request, fleet.stateStore());
                out.println("Dry run: nothing is written.");
                EnqueueReport.print(out, plan, true);
                return ExitCodes.SUCCESS;
            }
        }
        if (!confirmed(request, out)) {
            out.println("Nothing queued.");
            return ExitCodes.FAILED;
        }
        try (FleetConnection fleet = FleetConnection.readWrite(config)) {
            fleet.checkReady(ProcessRole.COORDINATOR);
            String runId = RunIds.newRunId();
            EnqueueResult result = new Enqueuer(fleet.stateStore(), fleet.queue()).enqueue(request, runId);
            out.println("Run " + runId + ":");
            EnqueueReport.print(out, result, false);
            return ExitCodes.SUCCESS;
        }
    }

    /** More than {@link #LARGE_REQUEST} dates: say so, and on a terminal ask; elsewhere (a script, CI) go on. */
    private boolean confirmed(EnqueueRequest request, PrintWriter out)
    {
        int count = request.keys().size();
        if (count <= LARGE_REQUEST || yes) {
            return true;
        }
        out.printf("This request covers %,d (table, date)s (%s).%n", count, request.dates().span());
        out.flush();
        java.io.Console console = System.console();
        if (console == null) {
            return true;
        }
        String answer = console.readLine("Queue them? [y/N] (--yes skips this question) ");
        return answer != null && answer.trim().equalsIgnoreCase("y");
    }
}
