package dev.backfillfleet.coordinator;

import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.command.CancelCommand;
import dev.backfillfleet.coordinator.command.CompareCommand;
import dev.backfillfleet.coordinator.command.DemoDataCommand;
import dev.backfillfleet.coordinator.command.DoctorCommand;
import dev.backfillfleet.coordinator.command.EnqueueCommand;
import dev.backfillfleet.coordinator.command.FailedCommand;
import dev.backfillfleet.coordinator.command.ImportCommand;
import dev.backfillfleet.coordinator.command.PauseCommand;
import dev.backfillfleet.coordinator.command.ResumeCommand;
import dev.backfillfleet.coordinator.command.RetryCommand;
import dev.backfillfleet.coordinator.command.RunsCommand;
import dev.backfillfleet.coordinator.command.SetupCommand;
import dev.backfillfleet.coordinator.command.StatusCommand;
import dev.backfillfleet.coordinator.command.VerifyCommand;
import dev.backfillfleet.coordinator.report.ReportCommand;
import dev.backfillfleet.coordinator.tables.TablesCommand;
import dev.backfillfleet.coordinator.watch.WatchCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.util.List;

/**
 * The coordinator CLI: one subcommand per verb, each its own composition root. The verbs that
 * plan, watch and repair need no worker; {@code coordinator run}, which runs workers in its own
 * process, is added by the standalone assembly ({@code standalone/}), which {@code bin/coordinator}
 * runs.
 */
@Command(name = "coordinator", mixinStandardHelpOptions = true,
        description = "Backfills date-partitioned analytics tables with a fleet of workers: plan, enqueue, watch, cancel, pause, retry.",
        footer = ExitCodes.HELP_FOOTER)
public final class CoordinatorMain
        implements Runnable
{
    @Spec
    CommandSpec spec;

    public static void main(String[] args)
    {
        System.exit(execute(args));
    }

    public static int execute(String... args)
    {
        return commandLine().execute(args);
    }

    /** The verbs of this module, with the exit-code mapping every process uses. */
    public static CommandLine commandLine()
    {
        return commandLine(List.of());
    }

    /** The verbs, after {@code leading} ones an assembly adds (listed first in the help). */
    public static CommandLine commandLine(List<Object> leading)
    {
        CommandLine commandLine = new CommandLine(new CoordinatorMain());
        leading.forEach(commandLine::addSubcommand);
        for (Object verb : List.of(new SetupCommand(), new EnqueueCommand(), new StatusCommand(), new WatchCommand(), new RunsCommand(), new CancelCommand(),
                new PauseCommand(), new ResumeCommand(), new FailedCommand(), new RetryCommand(), new ReportCommand(), new VerifyCommand(), new CompareCommand(),
                new ImportCommand(), new DemoDataCommand(), new DoctorCommand(), new TablesCommand())) {
            commandLine.addSubcommand(verb);
        }
        return ExitCodes.configure(commandLine);
    }

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: " + String.join(", ", spec.subcommands().keySet()));
    }
}
