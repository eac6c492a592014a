package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.TablePause;
import dev.backfillfleet.provision.ProcessRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "pause", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Pauses a table on every worker: within a few seconds no worker starts any of its dates (running ones finish).",
                "Its messages are acknowledged without work and its dates stay QUEUED, using no attempt and holding no slot;",
                "'coordinator resume' publishes them again. Other tables go on. The pause lives in the state store."},
        footer = ExitCodes.HELP_FOOTER)
public final class PauseCommand
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
            String operator = RunRecords.operator();
            for (AnalyticsTable each : tables) {
                TablePause asked = new TablePause(each, fleet.clock().instant().truncatedTo(ChronoUnit.MILLIS), operator);
                TablePause pause = fleet.pauses().pause(asked);
                if (pause.equals(asked)) {
                    out.printf("Paused %s: workers start none of its dates from within a few seconds; running dates finish.%n", fleet.catalog().displayName(each));
                }
                else {
                    out.printf("%s was already paused, since %s by %s.%n", fleet.catalog().displayName(each), pause.since().truncatedTo(ChronoUnit.SECONDS), pause.by());
                }
            }
            out.println("'coordinator resume --table " + table + "' goes on; 'coordinator status' and 'watch' show PAUSED meanwhile.");
            return ExitCodes.SUCCESS;
        }
    }
}
