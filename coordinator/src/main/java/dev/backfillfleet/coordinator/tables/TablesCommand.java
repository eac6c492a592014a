package dev.backfillfleet.coordinator.tables;

import dev.backfillfleet.catalog.CatalogEntry;
import dev.backfillfleet.catalog.Dependency;
import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.output.JsonOutput;
import dev.backfillfleet.coordinator.output.Terminal;
import dev.backfillfleet.coordinator.output.TextTable;
import dev.backfillfleet.coordinator.output.TextTable.Cell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.backfillfleet.coordinator.output.TextTable.Align.LEFT;
import static dev.backfillfleet.coordinator.output.TextTable.Align.RIGHT;

@Command(name = "tables", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "The tables the fleet can backfill: the built-in ones and those applied from a catalog file, with their kind,",
                "short name, definition version and upstream tables. 'tables apply FILE' records a catalog file (the README's",
                "'Backfill your own tables' has its format); 'tables show NAME' prints one definition as recorded."},
        subcommands = {TablesApplyCommand.class, TablesShowCommand.class},
        footer = ExitCodes.HELP_FOOTER)
public final class TablesCommand
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Option(names = "--json", description = "One JSON document: {\"version\": N, \"tables\": [{name, shortName, kind, version, dataset, upstreams}]}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        try (FleetConnection fleet = FleetConnection.readOnly(backend.load())) {
            TableCatalog catalog = fleet.catalog();
            if (json) {
                JsonOutput.print(out, toJson(catalog));
                return ExitCodes.SUCCESS;
            }
            out.printf("Table catalog version %d: %d built-in tables, %d of yours.%n", catalog.version(),
                    catalog.entries().size() - catalog.userEntries().size(), catalog.userEntries().size());
            TextTable table = new TextTable(List.of("table", "short name", "kind", "version", "dataset", "upstream dates"),
                    List.of(LEFT, LEFT, LEFT, RIGHT, LEFT, LEFT));
            for (CatalogEntry entry : catalog.entries()) {
                table.addRow(List.of(Cell.of(entry.name()), Cell.of(entry.definition().shortName().orElse("")), Cell.of(entry.definition().kind().label()),
                        Cell.of(entry.version()), Cell.of(entry.definition().ref().dataset()), Cell.of(upstreams(entry))));
            }
            table.render(Terminal.detect().style()).forEach(out::println);
            out.flush();
            return ExitCodes.SUCCESS;
        }
    }

    private static String upstreams(CatalogEntry entry)
    {
        List<Dependency> dependsOn = entry.definition().dependsOn();
        return dependsOn.isEmpty() ? "-" : String.join(", ", dependsOn.stream().map(Dependency::toString).toList());
    }

    private static Map<String, Object> toJson(TableCatalog catalog)
    {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", catalog.version());
        document.put("tables", catalog.entries().stream().map(entry -> {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("name", entry.name());
            table.put("shortName", entry.definition().shortName().orElse(null));
            table.put("kind", entry.definition().kind().label());
            table.put("version", entry.version());
            table.put("dataset", entry.definition().ref().dataset());
            table.put("upstreams", entry.definition().dependsOn().stream().map(Dependency::toString).toList());
            return table;
        }).toList());
        return document;
    }
}
