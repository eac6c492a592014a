package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableSelection;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.output.DateRuns;
import dev.backfillfleet.coordinator.plan.Dependents;
import dev.backfillfleet.coordinator.plan.EnqueueRequest;
import dev.backfillfleet.coordinator.plan.Enqueuer;
import dev.backfillfleet.coordinator.plan.StaleDates;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.state.EnqueueResult;
import dev.backfillfleet.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "enqueue", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Records each (table, date) as QUEUED and publishes one message for it.",
                "Skips dates already SUCCEEDED or NO_GAMES (unless --force) and dates QUEUED or RUNNING; FAILED and CANCELLED",
                "dates are queued again. --downstream also re-queues the dates that depend on them (they run after them);",
                "--stale re-queues the done dates whose upstream dates finished after them."},
        footer = ExitCodes.HELP_FOOTER)
public final class EnqueueCommand
        implements Callable<Integer>
{
    /** Above this many (table, date)s, say how many and, on a terminal, ask first: a typo in a range costs hours. */
    static final int LARGE_REQUEST = 10_000;

    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    DateOptions dates = new DateOptions();

    @Option(names = "--table", required = true, paramLabel = "T[,T2|all]", description = "Table(s): full or short names, or all.")
    String table;

    @Option(names = "--force", description = "Also recompute dates that are already done.")
    boolean force;

    @Option(names = "--downstream", description = "Also re-queue the done, failed or queued dates that depend on these (e.g. for team_offense on D: "
            + "player_summary D and upcoming_player D+1..D+30), so that they are computed again from the new data; needs --force or --stale.")
    boolean downstream;

    @Option(names = "--stale", description = "Re-queue the STALE dates of the table(s), within the dates if given: done dates whose upstream "
            + "dates finished after them (see 'coordinator status --stale').")
    boolean stale;

    @Option(names = "--dry-run", description = "Print the plan; write nothing anywhere.")
    boolean dryRun;

    @Option(names = "--yes", description = "Do not ask before queueing more than " + LARGE_REQUEST + " dates.")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        if (downstream && !force && !stale) {
            throw FleetException.userError("--downstream re-runs dates that are done: give --force with it (or use --stale)");
        }
        Optional<DateSelection> selection = stale ? dates.optional() : Optional.of(dates.required());
        Configuration config = backend.load();
        if (dryRun) {
            try (FleetConnection fleet = FleetConnection.readOnly(config)) {
                Plan plan = plan(fleet.stateStore(), fleet.catalog(), selection);
                out.println("Dry run: nothing is written.");
                EnqueueReport.print(out, Enqueuer.plan(plan.keys(), plan.policy(), fleet.stateStore()), true, fleet.catalog());
                plan.printAdditions(out, fleet.catalog());
                return ExitCodes.SUCCESS;
            }
        }
        TableSelection.parse(table, FleetConnection.catalogOf(config));
        try (FleetConnection fleet = FleetConnection.readWrite(config)) {
            Plan plan = plan(fleet.stateStore(), fleet.catalog(), selection);
            if (plan.keys().isEmpty()) {
                out.println(stale ? "No STALE dates" + selection.map(dates -> " in " + dates).orElse("") + ": nothing queued." : "No dates: nothing queued.");
                return ExitCodes.SUCCESS;
            }
            if (!confirmed(plan.keys().size(), selection.map(DateSelection::span).map(Object::toString).orElse("stale dates"), out)) {
                out.println("Nothing queued.");
                return ExitCodes.FAILED;
            }
            fleet.checkReady(ProcessRole.COORDINATOR);
            var run = RunRecords.newRun(fleet.clock(), command(), plan.tables(), selection.map(Object::toString).orElse("stale dates"), plan.keys().size());
            EnqueueResult result = new Enqueuer(fleet.stateStore(), fleet.runLog(), fleet.queue()).enqueue(plan.keys(), plan.policy(), run);
            out.println("Run " + run.id() + ":");
            EnqueueReport.print(out, result, false, fleet.catalog());
            plan.printAdditions(out, fleet.catalog());
            return ExitCodes.SUCCESS;
        }
    }

    private Plan plan(StateStore stateStore, TableCatalog catalog, Optional<DateSelection> selection)
    {
        List<AnalyticsTable> tables = TableSelection.parse(table, catalog);
        List<DateKey> asked;
        EnqueuePolicy policy;
        List<DateKey> staleKeys = List.of();
        if (stale) {
            staleKeys = tables.stream().flatMap(each -> StaleDates.of(stateStore, catalog, each, selection).stream()).map(DateRecord::key).toList();
            asked = staleKeys;
            policy = EnqueuePolicy.FORCE;
        }
        else {
            EnqueueRequest request = new EnqueueRequest(tables, selection.orElseThrow(), force ? EnqueuePolicy.FORCE : EnqueuePolicy.NORMAL, catalog);
            asked = request.keys();
            policy = request.policy();
        }
        List<DateKey> dependents = downstream ? Dependents.of(asked, stateStore, catalog) : List.of();
        List<DateKey> keys = new ArrayList<>(asked);
        keys.addAll(dependents);
        if (!dependents.isEmpty()) {
            keys.sort(Dependents.dependencyOrder(catalog));
        }
        return new Plan(keys, policy, staleKeys, dependents, stale);
    }

    private String command()
    {
        return "enqueue" + (force ? " --force" : "") + (stale ? " --stale" : "") + (downstream ? " --downstream" : "");
    }

    private record Plan(List<DateKey> keys, EnqueuePolicy policy, List<DateKey> staleKeys, List<DateKey> dependents, boolean stale)
    {
        List<AnalyticsTable> tables()
        {
            return keys.stream().map(DateKey::table).distinct().sorted().toList();
        }

        void printAdditions(PrintWriter out, TableCatalog catalog)
        {
            if (stale) {
                out.printf("The %d STALE dates: %s%n", staleKeys.size(), byTable(staleKeys, catalog));
            }
            if (!dependents.isEmpty()) {
                out.printf("Including %d downstream dates, which run after the dates they depend on: %s%n", dependents.size(), byTable(dependents, catalog));
            }
            out.flush();
        }

        private static String byTable(List<DateKey> keys, TableCatalog catalog)
        {
            if (keys.isEmpty()) {
                return "none";
            }
            Map<AnalyticsTable, List<LocalDate>> byTable = keys.stream()
                    .collect(Collectors.groupingBy(DateKey::table, TreeMap::new, Collectors.mapping(DateKey::date, Collectors.toList())));
            return String.join("; ", byTable.entrySet().stream().map(entry -> catalog.displayName(entry.getKey()) + ": " + DateRuns.compact(entry.getValue())).toList());
        }
    }

    /** More than {@link #LARGE_REQUEST} dates: say so, and on a terminal ask; elsewhere (a script, CI) go on. */
    private boolean confirmed(int count, String span, PrintWriter out)
    {
        if (count <= LARGE_REQUEST || yes) {
            return true;
        }
        out.printf("This request covers %,d (table, date)s (%s).%n", count, span);
        out.flush();
        java.io.Console console = System.console();
        if (console == null) {
            return true;
        }
        String answer = console.readLine("Queue them? [y/N] (--yes skips this question) ");
        return answer != null && answer.trim().equalsIgnoreCase("y");
    }
}
