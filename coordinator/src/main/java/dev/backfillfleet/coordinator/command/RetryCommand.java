package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.output.DateRuns;
import dev.backfillfleet.coordinator.plan.Enqueuer;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.state.EnqueueResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "retry", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Queues the FAILED dates of a table again (workers pick them up).",
        footer = ExitCodes.HELP_FOOTER)
public final class RetryCommand
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    DateOptions dates = new DateOptions();

    @Option(names = "--table", required = true, paramLabel = "T[,T2|all]", description = "Table(s): full or short names, or all.")
    String table;

    @Option(names = "--failed", required = true, description = "Retry the FAILED dates (the only kind of retry there is; required to say so).")
    boolean failed;

    @Option(names = "--error-class", paramLabel = "C", description = "Only failures of this class: TRANSIENT, PERMANENT or USER.")
    String errorClass;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        ErrorClass onlyClass = errorClass == null ? null : parseErrorClass(errorClass);
        try (FleetConnection fleet = FleetConnection.readWrite(backend.load())) {
            List<AnalyticsTable> tables = fleet.tables(table);
            fleet.checkReady(ProcessRole.COORDINATOR);
            List<DateKey> keys = new ArrayList<>();
            for (AnalyticsTable each : tables) {
                fleet.stateStore().list(each, dates.span(), Set.of(DateState.FAILED)).stream()
                        .filter(record -> onlyClass == null || record.errorClass().map(onlyClass::equals).orElse(false))
                        .map(DateRecord::key)
                        .forEach(keys::add);
            }
            if (keys.isEmpty()) {
                out.printf("No FAILED dates%s%s: nothing queued.%n", onlyClass == null ? "" : " of class " + onlyClass,
                        dates.span().map(span -> " in " + span).orElse(""));
                return ExitCodes.SUCCESS;
            }
            var run = RunRecords.newRun(fleet.clock(), "retry --failed" + (onlyClass == null ? "" : " --error-class " + onlyClass),
                    keys.stream().map(DateKey::table).distinct().sorted().toList(), dates.optional().map(Object::toString).orElse("failed dates"), keys.size());
            EnqueueResult result = new Enqueuer(fleet.stateStore(), fleet.runLog(), fleet.queue()).enqueue(keys, EnqueuePolicy.RETRY_FAILED, run);
            out.printf("Run %s: queued %d failed dates again.%n", run.id(), result.queued().size());
            result.queued().stream()
                    .collect(Collectors.groupingBy(DateKey::table, TreeMap::new, Collectors.mapping(DateKey::date, Collectors.toList())))
                    .forEach((each, queued) -> out.printf("  %s: %s%n", each.tableName(), DateRuns.compact(queued)));
            out.println("Workers pick them up (bin/worker, or 'coordinator run' for the same range); follow them with 'coordinator watch'.");
            return ExitCodes.SUCCESS;
        }
    }

    private static ErrorClass parseErrorClass(String text)
    {
        try {
            return ErrorClass.valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw FleetException.userError("unknown error class '" + text + "': use TRANSIENT, PERMANENT or USER");
        }
    }
}
