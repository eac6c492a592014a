package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.plan.Enqueuer;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.provision.ProcessRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Lifts a table's pause and publishes a message again for each of its QUEUED (and RUNNING) dates: their",
                "messages were acknowledged without work while it was paused. Safe to run again (a duplicate message is harmless)."},
        footer = ExitCodes.HELP_FOOTER)
public final class ResumeCommand
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Option(names = "--table", required = true, paramLabel = "T[,T2|all]", description = "Table(s): full or short names, or all.")
    String table;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        try (FleetConnection fleet = FleetConnection.readWrite(backend.load())) {
            List<AnalyticsTable> tables = fleet.tables(table);
            fleet.checkReady(ProcessRole.COORDINATOR);
            Enqueuer enqueuer = new Enqueuer(fleet.stateStore(), fleet.runLog(), fleet.queue());
            for (AnalyticsTable each : tables) {
                // the pause first: a message published while it holds would be dropped again
                boolean wasPaused = fleet.pauses().resume(each);
                List<DateRecord> waiting = fleet.stateStore().list(each, Optional.empty(), Set.of(DateState.QUEUED, DateState.RUNNING));
                enqueuer.republish(waiting);
                out.printf("%s; published %d of its queued or running dates again.%n", wasPaused ? "Resumed " + fleet.catalog().displayName(each) : fleet.catalog().displayName(each) + " was not paused", waiting.size());
            }
            out.flush();
            return ExitCodes.SUCCESS;
        }
    }
}
