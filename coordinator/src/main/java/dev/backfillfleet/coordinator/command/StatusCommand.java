package dev.backfillfleet.coordinator.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.TableSelection;
import dev.backfillfleet.worker.cli.BackendOptions;
import dev.backfillfleet.worker.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Dates per state, per table. Within --range, dates never enqueued count as PENDING.",
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
            throws Exception
    {
        PrintWriter out = spec.commandLine().getOut();
        List<AnalyticsTable> tables = table == null ? Arrays.asList(AnalyticsTable.values()) : TableSelection.parse(table);
        Optional<DateRange> range = dates.span();
        try (FleetConnection fleet = new FleetConnection(backend.load(), List.of())) {
            List<StateCounts> counts = tables.stream().map(each -> StateCounts.of(fleet.stateStore(), each, range)).toList();
            if (json) {
                Map<String, Object> document = new LinkedHashMap<>();
                Map<String, Object> byTable = new LinkedHashMap<>();
                counts.forEach(each -> {
                    Map<String, Long> states = new LinkedHashMap<>();
                    each.counts().forEach((state, count) -> states.put(state.name(), count));
                    byTable.put(each.table().tableName(), states);
                });
                document.put("tables", byTable);
                range.ifPresent(span -> document.put("range", span.toString()));
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
                return ExitCodes.SUCCESS;
            }
            out.printf("%-30s", "table");
            for (DateState state : DateState.values()) {
                out.printf(" %10s", state.name());
            }
            out.printf(" %10s%n", "total");
            for (StateCounts each : counts) {
                if (table == null && each.total() == 0) {
                    continue;
                }
                out.printf("%-30s", each.table().tableName());
                for (DateState state : DateState.values()) {
                    out.printf(" %10d", each.get(state));
                }
                out.printf(" %10d%n", each.total());
            }
            return ExitCodes.SUCCESS;
        }
    }
}
