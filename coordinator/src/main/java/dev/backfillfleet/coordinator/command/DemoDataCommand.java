package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.warehouse.DemoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "demo-data", mixinStandardHelpOptions = true,
        description = "Re-seeds the embedded warehouse with the deterministic demo league (seasons 2021-22 to 2025-26).",
        footer = ExitCodes.HELP_FOOTER)
public final class DemoDataCommand
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Override
    public Integer call()
    {
        try (FleetConnection fleet = FleetConnection.readWrite(backend.load())) {
            DemoData demoData = fleet.capability(DemoData.class).orElseThrow(() -> FleetException.userError(
                    "demo-data seeds the embedded warehouse only; this configuration uses " + fleet.config().adapters().warehouse().configName()));
            demoData.reseed();
            return ExitCodes.SUCCESS;
        }
    }
}
