package dev.backfillfleet.coordinator;

import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.command.CancelCommand;
import dev.backfillfleet.coordinator.command.DemoDataCommand;
import dev.backfillfleet.coordinator.command.DoctorCommand;
import dev.backfillfleet.coordinator.command.EnqueueCommand;
import dev.backfillfleet.coordinator.command.FailedCommand;
import dev.backfillfleet.coordinator.command.ImportCommand;
import dev.backfillfleet.coordinator.command.PauseCommand;
import dev.backfillfleet.coordinator.command.ResumeCommand;
import dev.backfillfleet.coordinator.command.RetryCommand;
import dev.backfillfleet.coordinator.command.RunCommand;
import dev.backfillfleet.coordinator.command.RunsCommand;
import dev.backfillfleet.coordinator.command.SetupCommand;
import dev.backfillfleet.coordinator.command.StatusCommand;
import dev.backfillfleet.coordinator.command.VerifyCommand;
import dev.backfillfleet.coordinator.report.ReportCommand;
import dev.backfillfleet.coordinator.watch.WatchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The coordinator CLI's entry point: one subcommand per verb, each its own composition root. */
@Command(name = "coordinator", mixinStandardHelpOptions = true,
        description = "Backfills date-partitioned analytics tables with a fleet of workers: plan, enqueue, watch, cancel, pause, retry.",
        subcommands = {RunCommand.class, SetupCommand.class, EnqueueCommand.class, StatusCommand.class, WatchCommand.class, RunsCommand.class,
                CancelCommand.class, PauseCommand.class, ResumeCommand.class, FailedCommand.class, RetryCommand.class, ReportCommand.class,
                VerifyCommand.class, ImportCommand.class, DemoDataCommand.class, DoctorCommand.class},
        footer = ExitCodes.HELP_FOOTER)
public final class CoordinatorMain
        implements Runnable
{
    public static void main(String[] args)
    {
        System.exit(execute(args));
    }

    public static int execute(String... args)
    {
        return ExitCodes.configure(new CommandLine(new CoordinatorMain())).execute(args);
    }

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command: run, setup, enqueue, status, watch, runs, cancel, pause, resume, failed, retry, report, verify, import, demo-data or doctor");
    }
}
