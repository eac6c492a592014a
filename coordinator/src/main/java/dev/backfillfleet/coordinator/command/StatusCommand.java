package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.coordinator.output.Colour;
import dev.backfillfleet.coordinator.output.JsonOutput;
import dev.backfillfleet.coordinator.output.Style;
import dev.backfillfleet.coordinator.output.Terminal;
import dev.backfillfleet.coordinator.output.TextTable;
import dev.backfillfleet.coordinator.output.TextTable.Align;
import dev.backfillfleet.coordinator.output.TextTable.Cell;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.TableSelection;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Dates per state, per table. Within --range, dates never enqueued count as PENDING.",
                "For a live view with rate and ETA, use 'coordinator watch'."},
        footer = ExitCodes.HELP_FOOTER)
public final class StatusCommand
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    DateOptions dates = new DateOptions();

    @Option(names = "--table", paramLabel = "T[,T2|all]", description = "Table(s) (default: every table, synthetic included).")
    String table;

    @Option(names = "--json", description = "One JSON document: {\"tables\": {table: {state: dates}}}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        List<AnalyticsTable> tables = table == null ? Arrays.asList(AnalyticsTable.values()) : TableSelection.parse(table);
        Optional<DateRange> range = dates.span();
        try (FleetConnection fleet = FleetConnection.readOnly(backend.load())) {
            List<StateCounts> counts = tables.stream().map(each -> StateCounts.of(fleet.stateStore(), each, range)).toList();
            if (json) {
                JsonOutput.print(out, toJson(counts, range));
                return ExitCodes.SUCCESS;
            }
            List<StateCounts> shown = counts.stream().filter(each -> table != null || each.total() > 0).toList();
            if (shown.isEmpty()) {
                out.println("No dates recorded yet: enqueue some with 'coordinator enqueue' or 'coordinator run'.");
                return ExitCodes.SUCCESS;
            }
            table(shown).render(Terminal.detect().style()).forEach(out::println);
            return ExitCodes.SUCCESS;
        }
    }

    private static TextTable table(List<StateCounts> counts)
    {
        List<String> headers = new ArrayList<>(List.of("table"));
        List<Align> alignments = new ArrayList<>(List.of(Align.LEFT));
        for (DateState state : DateState.values()) {
            headers.add(state.name());
            alignments.add(Align.RIGHT);
        }
        headers.addAll(List.of("total", "done"));
        alignments.addAll(List.of(Align.RIGHT, Align.RIGHT));
        TextTable table = new TextTable(headers, alignments);
        for (StateCounts each : counts) {
            List<Cell> row = new ArrayList<>(List.of(Cell.of(each.table().tableName())));
            for (DateState state : DateState.values()) {
                long count = each.get(state);
                row.add(Cell.of(count, count > 0 && state != DateState.PENDING ? Style.of(state) : Colour.NONE));
            }
            row.add(Cell.of(each.total()));
            row.add(Cell.of(each.total() == 0 ? "--" : each.done() * 100 / each.total() + "%"));
            table.addRow(row);
        }
        return table;
    }

    private static Map<String, Object> toJson(List<StateCounts> counts, Optional<DateRange> range)
    {
        Map<String, Object> document = new LinkedHashMap<>();
        Map<String, Object> byTable = new LinkedHashMap<>();
        counts.forEach(each -> {
            Map<String, Long> states = new LinkedHashMap<>();
            each.counts().forEach((state, count) -> states.put(state.name(), count));
            byTable.put(each.table().tableName(), states);
        });
        document.put("tables", byTable);
        range.ifPresent(span -> document.put("range", span.toString()));
        return document;
    }
}
