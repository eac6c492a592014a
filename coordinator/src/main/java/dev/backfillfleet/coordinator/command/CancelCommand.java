package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableSelection;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.output.DateRuns;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.BackfillRun;
import dev.backfillfleet.domain.CancelRequest;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.state.CancelDecision;
import dev.backfillfleet.state.CancelResult;
import dev.backfillfleet.state.DateTransitions;
import dev.backfillfleet.state.RunLog;
import dev.backfillfleet.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "cancel", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Cancels dates: QUEUED ones (and, within --range or --dates, never-enqueued ones) become CANCELLED, a terminal",
                "state that is neither success nor failure; workers acknowledge their messages without work. A RUNNING date",
                "finishes and its result stands, unless --now, which stops it at its next lease renewal before it writes (the",
                "previous partition stays as it was). Done and failed dates are left as they are. 'coordinator enqueue' of the",
                "same dates queues the cancelled ones again."},
        footer = ExitCodes.HELP_FOOTER)
public final class CancelCommand
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    DateOptions dates = new DateOptions();

    @Option(names = "--table", paramLabel = "T[,T2|all]", description = "Table(s): full or short names, or all (default with --run: the run's tables).")
    String table;

    @Option(names = "--run", paramLabel = "ID", description = "Only the dates of this run (see 'coordinator runs').")
    String runId;

    @Option(names = "--now", description = "Also stop RUNNING dates at their next lease renewal (within a third of backfill.lease-seconds), unless their write has begun.")
    boolean now;

    @Option(names = "--dry-run", description = "Print what would be cancelled; write nothing anywhere.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        if (table == null && runId == null) {
            throw FleetException.userError("name what to cancel: --table T (with --range or --dates for some dates), or --run ID");
        }
        Configuration config = backend.load();
        CancelRequest request = now ? CancelRequest.NOW : CancelRequest.WHEN_ATTEMPT_ENDS;
        try (FleetConnection fleet = dryRun ? FleetConnection.readOnly(config) : FleetConnection.readWrite(config)) {
            StateStore store = fleet.stateStore();
            List<AnalyticsTable> tables = tables(fleet.runLog(), fleet.catalog());
            List<DateKey> keys = keys(store, tables, dates.optional());
            if (keys.isEmpty()) {
                out.println("Nothing to cancel: no queued or running dates" + (runId == null ? "" : " of run " + runId)
                        + dates.optional().map(selection -> " in " + selection).orElse("") + ".");
                return ExitCodes.SUCCESS;
            }
            CancelResult result;
            if (dryRun) {
                result = plan(store, keys, request, fleet.clock().instant());
                out.println("Dry run: nothing is written.");
            }
            else {
                fleet.checkReady(ProcessRole.COORDINATOR);
                result = store.cancel(keys, request);
            }
            print(out, result, config.lease().length());
            return ExitCodes.SUCCESS;
        }
    }

    private List<AnalyticsTable> tables(RunLog runLog, TableCatalog catalog)
    {
        if (table != null) {
            return TableSelection.parse(table, catalog);
        }
        Optional<BackfillRun> run = runLog.run(runId);
        return run.map(BackfillRun::tables).filter(tables -> !tables.isEmpty()).orElseGet(catalog::tables);
    }

    /**
     * The dates to cancel: within the dates asked for, every one (never-enqueued ones too) or,
     * with --run, those of the run; without dates, the queued and running ones.
     */
    private List<DateKey> keys(StateStore store, List<AnalyticsTable> tables, Optional<DateSelection> selection)
    {
        Set<DateState> inFlight = Set.of(DateState.QUEUED, DateState.RUNNING);
        List<DateKey> keys = new ArrayList<>();
        for (AnalyticsTable each : tables) {
            if (runId != null) {
                store.listRun(runId, each, inFlight).stream()
                        .map(DateRecord::key)
                        .filter(key -> selection.map(chosen -> chosen.dates().contains(key.date())).orElse(true))
                        .forEach(keys::add);
            }
            else if (selection.isPresent()) {
                selection.get().dates().forEach(date -> keys.add(new DateKey(each, date)));
            }
            else {
                store.list(each, Optional.empty(), inFlight).stream().map(DateRecord::key).forEach(keys::add);
            }
        }
        return keys;
    }

    /** What a cancel would do, from a read of the records only. */
    private static CancelResult plan(StateStore store, List<DateKey> keys, CancelRequest request, Instant now)
    {
        Map<DateKey, DateRecord> records = store.getAll(keys);
        Map<DateKey, CancelDecision> decisions = new HashMap<>();
        keys.forEach(key -> decisions.put(key, DateTransitions.cancel(key, Optional.ofNullable(records.get(key)), request, now).decision()));
        return new CancelResult(decisions);
    }

    private void print(PrintWriter out, CancelResult result, Duration lease)
    {
        String would = dryRun ? "would be " : "";
        Map<AnalyticsTable, Map<CancelDecision, List<LocalDate>>> byTable = new TreeMap<>();
        result.decisions().forEach((key, decision) -> byTable.computeIfAbsent(key.table(), ignored -> new EnumMap<>(CancelDecision.class))
                .computeIfAbsent(decision, ignored -> new ArrayList<>()).add(key.date()));
        byTable.forEach((each, decisions) -> {
            out.printf("  %-32s %scancelled %d; running: %d %s; %d already done, failed or cancelled%n", each.tableName(), would,
                    count(decisions, CancelDecision.CANCELLED), count(decisions, CancelDecision.FINISHES_FIRST) + count(decisions, CancelDecision.STOP_REQUESTED),
                    now ? "stopping" : "finishing first", count(decisions, CancelDecision.ALREADY_TERMINAL));
            List<LocalDate> cancelled = decisions.getOrDefault(CancelDecision.CANCELLED, List.of());
            if (!cancelled.isEmpty()) {
                out.println("    cancelled: " + DateRuns.compact(cancelled));
            }
        });
        long running = result.count(CancelDecision.FINISHES_FIRST) + result.count(CancelDecision.STOP_REQUESTED);
        out.printf("Total: %d dates %scancelled.", result.count(CancelDecision.CANCELLED), would);
        if (running > 0 && now) {
            out.printf(" %d running dates %sstop at their next lease renewal (within %d s); one whose write has begun finishes, and its result stands.",
                    running, dryRun ? "would " : "", Math.max(1, lease.toSeconds() / 3));
        }
        else if (running > 0) {
            out.printf(" %d running dates %sfinish first: their result stands, and none is queued again (--now stops them).", running, dryRun ? "would " : "");
        }
        out.println();
        out.println("Workers acknowledge a cancelled date's message without work. 'coordinator enqueue' of the same dates queues the cancelled ones again.");
        out.flush();
    }

    private static long count(Map<CancelDecision, List<LocalDate>> decisions, CancelDecision decision)
    {
        return decisions.getOrDefault(decision, List.of()).size();
    }
}
