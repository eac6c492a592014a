package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.doctor.Doctor;
import dev.backfillfleet.coordinator.doctor.DoctorReport;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "doctor", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Checks a home or a cloud configuration and prints what it found, with the command that mends each problem.",
                "Embedded: state.db, queue.db and warehouse.db readable and intact (SQLite's quick_check), dates QUEUED without a",
                "message, RUNNING dates whose lease expired, the demo seed complete. Google Cloud: the resources that setup manages",
                "and the start-up checks of a worker and a coordinator. Reads only: it changes nothing anywhere.",
                "Exit 0 only if all is well; 1 if something is wrong; 3 if something could not even be read."},
        footer = ExitCodes.HELP_FOOTER)
public final class DoctorCommand
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        try (FleetConnection fleet = FleetConnection.readOnly(backend.load())) {
            DoctorReport report = new Doctor(fleet).examine();
            report.print(spec.commandLine().getOut());
            return report.exitCode();
        }
    }
}
