package dev.backfillfleet.coordinator.tables;

import dev.backfillfleet.catalog.CatalogEntry;
import dev.backfillfleet.catalog.CatalogFileWriter;
import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableSelection;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.FleetConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prints one table's definition as the state store records it, in the catalog file format, with its version.",
        footer = ExitCodes.HELP_FOOTER)
public final class TablesShowCommand
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Parameters(index = "0", paramLabel = "NAME", description = "The table's name or short name.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        try (FleetConnection fleet = FleetConnection.readOnly(backend.load())) {
            TableCatalog catalog = fleet.catalog();
            CatalogEntry entry = catalog.entry(TableSelection.parseOne(name, catalog)).orElseThrow();
            out.printf("# %s, version %d of catalog version %d%n", entry.builtIn() ? "built-in" : "applied", entry.version(), catalog.version());
            out.print(CatalogFileWriter.file(List.of(entry.definition())));
            out.flush();
            return ExitCodes.SUCCESS;
        }
    }
}
