package dev.backfillfleet.coordinator.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.TableSelection;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.worker.cli.BackendOptions;
import dev.backfillfleet.worker.cli.ExitCodes;
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
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "failed", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The FAILED dates with their error class, message and attempts.",
        footer = ExitCodes.HELP_FOOTER)
public final class FailedCommand
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    DateOptions dates = new DateOptions();

    @Option(names = "--table", paramLabel = "T[,T2|all]", description = "Table(s) (default: every table).")
    String table;

    @Option(names = "--json", description = "One JSON document: {\"failed\": [{table, date, errorClass, message, attempts, runId}]}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
            throws Exception
    {
        PrintWriter out = spec.commandLine().getOut();
        List<AnalyticsTable> tables = table == null ? Arrays.asList(AnalyticsTable.values()) : TableSelection.parse(table);
        try (FleetConnection fleet = new FleetConnection(backend.load(), List.of())) {
            List<DateRecord> failed = new ArrayList<>();
            for (AnalyticsTable each : tables) {
                failed.addAll(fleet.stateStore().list(each, dates.span(), Set.of(DateState.FAILED)));
            }
            if (json) {
                List<Map<String, Object>> entries = failed.stream().map(FailedCommand::toJson).toList();
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(Map.of("failed", entries)));
                return ExitCodes.SUCCESS;
            }
            if (failed.isEmpty()) {
                out.println("No failed dates.");
                return ExitCodes.SUCCESS;
            }
            print(out, failed, Integer.MAX_VALUE);
            return ExitCodes.SUCCESS;
        }
    }

    static void printFailures(PrintWriter out, StateStore store, List<AnalyticsTable> tables, int limit)
    {
        List<DateRecord> failed = new ArrayList<>();
        tables.forEach(table -> failed.addAll(store.list(table, java.util.Optional.empty(), Set.of(DateState.FAILED))));
        print(out, failed, limit);
    }

    private static void print(PrintWriter out, List<DateRecord> failed, int limit)
    {
        out.printf("%-28s %-10s %-9s %8s  %s%n", "table", "date", "class", "attempts", "error");
        failed.stream().limit(limit).forEach(record -> out.printf("%-28s %-10s %-9s %8d  %s%n",
                record.key().table().tableName(), record.key().date(), record.errorClass().map(Enum::name).orElse("-"),
                record.attempts(), record.errorMessage().orElse("")));
        if (failed.size() > limit) {
            out.printf("... and %d more (coordinator failed lists them all)%n", failed.size() - limit);
        }
        out.printf("%d failed dates.%n", failed.size());
    }

    private static Map<String, Object> toJson(DateRecord record)
    {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("table", record.key().table().tableName());
        entry.put("date", record.key().date().toString());
        entry.put("errorClass", record.errorClass().map(Enum::name).orElse(null));
        entry.put("message", record.errorMessage().orElse(null));
        entry.put("attempts", record.attempts());
        entry.put("runId", record.runId());
        return entry;
    }
}
