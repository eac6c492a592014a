package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableSelection;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.ProgressMeter;
import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.coordinator.output.Colour;
import dev.backfillfleet.coordinator.output.DateRuns;
import dev.backfillfleet.coordinator.output.JsonOutput;
import dev.backfillfleet.coordinator.output.Style;
import dev.backfillfleet.coordinator.output.Terminal;
import dev.backfillfleet.coordinator.output.TextTable.Align;
import dev.backfillfleet.coordinator.output.TextTable.Cell;
import dev.backfillfleet.coordinator.output.TextTable;
import dev.backfillfleet.coordinator.plan.StaleDates;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.BackfillRun;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.TablePause;
import dev.backfillfleet.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Dates per state, per table, with the rate (dates finished in the last minute) and the ETA of what is queued.",
                "Among the dates asked for (--range or --dates), never-enqueued ones count as PENDING. 'stale' counts done dates",
                "whose upstream dates finished after them (--stale lists them; 'coordinator enqueue --stale' re-queues them).",
                "PAUSED tables say so. For a live view, use 'coordinator watch'."},
        footer = ExitCodes.HELP_FOOTER)
public final class StatusCommand
        implements Callable<Integer>
{
    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    DateOptions dates = new DateOptions();

    @Option(names = "--table", paramLabel = "T[,T2|all]", description = "Table(s) (default: every table, synthetic included; with --run, the run's).")
    String table;

    @Option(names = "--run", paramLabel = "ID", description = "Only the dates of this run (see 'coordinator runs').")
    String runId;

    @Option(names = "--stale", description = "Also list the STALE dates of each table.")
    boolean stale;

    @Option(names = "--json", description = "One JSON document: {\"tables\": {table: {state: dates}}, \"progress\": {table: {datesPerMinute, etaSeconds, stale, paused}}}"
            + " (and \"stale\": {table: [dates]} with --stale).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        Optional<DateSelection> selection = dates.optional();
        try (FleetConnection fleet = FleetConnection.readOnly(backend.load())) {
            StateStore store = fleet.stateStore();
            Optional<BackfillRun> run = Optional.empty();
            if (runId != null) {
                run = fleet.runLog().run(runId);
                if (run.isEmpty() && store.summarizeRun(runId).total() == 0) {
                    throw FleetException.userError("no run " + runId + ": 'coordinator runs' lists them");
                }
            }
            TableCatalog catalog = fleet.catalog();
            List<AnalyticsTable> tables = tables(run, catalog);
            Map<AnalyticsTable, TablePause> paused = fleet.pauses().pausedTables();
            Instant now = fleet.clock().instant();
            List<TableStatus> statuses = new ArrayList<>();
            for (AnalyticsTable each : tables) {
                StateCounts counts = runId == null ? StateCounts.within(store, each, selection) : runCounts(store, each, selection);
                List<DateRecord> staleDates = StaleDates.of(store, catalog, each, selection);
                double perMinute = store.countFinishedSince(each, now.minus(RATE_WINDOW)) * 60.0 / RATE_WINDOW.toSeconds();
                statuses.add(new TableStatus(counts, staleDates, perMinute, Optional.ofNullable(paused.get(each))));
            }
            if (json) {
                JsonOutput.print(out, toJson(statuses, selection));
                return ExitCodes.SUCCESS;
            }
            run.ifPresent(named -> out.printf("Run %s, by %s at %s: %s of %s (%s)%n", named.id(), named.createdBy(), named.createdAt().truncatedTo(ChronoUnit.SECONDS),
                    named.dates(), String.join(",", named.tables().stream().map(catalog::displayName).toList()), named.command()));
            List<TableStatus> shown = statuses.stream().filter(each -> table != null || runId != null || each.counts().recorded() > 0).toList();
            if (shown.isEmpty()) {
                out.println("No dates recorded yet: enqueue some with 'coordinator enqueue' or 'coordinator run'.");
                return ExitCodes.SUCCESS;
            }
            table(shown).render(Terminal.detect().style()).forEach(out::println);
            for (TableStatus each : shown) {
                each.paused().ifPresent(pause -> out.printf("%s: PAUSED since %s by %s; 'coordinator resume --table %s' goes on.%n", catalog.displayName(each.table()),
                        pause.since().truncatedTo(ChronoUnit.SECONDS), pause.by(), catalog.displayName(each.table())));
                if (stale && !each.staleDates().isEmpty()) {
                    out.printf("%s: %d STALE: %s%n", catalog.displayName(each.table()), each.staleDates().size(),
                            DateRuns.compact(each.staleDates().stream().map(record -> record.key().date()).toList()));
                }
            }
            if (shown.stream().anyMatch(each -> !each.staleDates().isEmpty())) {
                out.println("STALE dates are done but older than an upstream date they depend on, or than their table's definition: "
                        + "'coordinator enqueue --stale --table T' re-queues them.");
            }
            out.flush();
            return ExitCodes.SUCCESS;
        }
    }

    private List<AnalyticsTable> tables(Optional<BackfillRun> run, TableCatalog catalog)
    {
        if (table != null) {
            return TableSelection.parse(table, catalog);
        }
        return run.map(BackfillRun::tables).filter(tables -> !tables.isEmpty())
                .orElseGet(() -> catalog.entries().stream().map(entry -> entry.definition().table()).toList());
    }

    /** The run's dates of the table (within the dates asked for, if any). */
    private StateCounts runCounts(StateStore store, AnalyticsTable each, Optional<DateSelection> selection)
    {
        if (selection.isEmpty()) {
            return new StateCounts(each, store.countByRun(runId, each));
        }
        Map<DateState, Long> counts = new java.util.EnumMap<>(DateState.class);
        store.listRun(runId, each, java.util.Set.of()).stream()
                .filter(record -> selection.get().dates().contains(record.key().date()))
                .forEach(record -> counts.merge(record.state(), 1L, Long::sum));
        return new StateCounts(each, counts);
    }

    /** One table's line: its counts, its stale dates, the recent rate and whether it is paused. */
    private record TableStatus(StateCounts counts, List<DateRecord> staleDates, double datesPerMinute, Optional<TablePause> paused)
    {
        AnalyticsTable table()
        {
            return counts.table();
        }

        long inQueue()
        {
            return counts.get(DateState.QUEUED) + counts.get(DateState.RUNNING);
        }

        /** What is queued or running over the rate; none while paused or nothing moves. */
        Optional<Duration> eta()
        {
            if (paused.isPresent()) {
                return Optional.empty();
            }
            if (inQueue() == 0) {
                return counts.get(DateState.PENDING) > 0 ? Optional.empty() : Optional.of(Duration.ZERO);
            }
            return datesPerMinute <= 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) (inQueue() / datesPerMinute * 60_000)));
        }
    }

    private static TextTable table(List<TableStatus> statuses)
    {
        List<String> headers = new ArrayList<>(List.of("table"));
        List<Align> alignments = new ArrayList<>(List.of(Align.LEFT));
        for (DateState state : DateState.values()) {
            headers.add(state.name());
            alignments.add(Align.RIGHT);
        }
        headers.addAll(List.of("total", "done", "stale", "rate", "ETA"));
        alignments.addAll(List.of(Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT));
        TextTable table = new TextTable(headers, alignments);
        for (TableStatus each : statuses) {
            StateCounts counts = each.counts();
            List<Cell> row = new ArrayList<>(List.of(Cell.of(each.table().tableName())));
            for (DateState state : DateState.values()) {
                long count = counts.get(state);
                row.add(Cell.of(count, count > 0 && state != DateState.PENDING ? Style.of(state) : Colour.NONE));
            }
            row.add(Cell.of(counts.total()));
            row.add(Cell.of(counts.total() == 0 ? "--" : counts.done() * 100 / counts.total() + "%"));
            row.add(Cell.of(each.staleDates().size(), each.staleDates().isEmpty() ? Colour.NONE : Colour.YELLOW));
            row.add(Cell.of(rate(each.datesPerMinute())));
            row.add(each.paused().isPresent() ? Cell.of("PAUSED", Colour.YELLOW) : Cell.of(ProgressMeter.format(each.eta())));
            table.addRow(row);
        }
        return table;
    }

    private static String rate(double perMinute)
    {
        return String.format(Locale.ROOT, perMinute < 10 ? "%.1f/min" : "%.0f/min", perMinute);
    }

    private Map<String, Object> toJson(List<TableStatus> statuses, Optional<DateSelection> selection)
    {
        Map<String, Object> document = new LinkedHashMap<>();
        Map<String, Object> byTable = new LinkedHashMap<>();
        Map<String, Object> progress = new LinkedHashMap<>();
        Map<String, Object> staleByTable = new LinkedHashMap<>();
        statuses.forEach(each -> {
            Map<String, Long> states = new LinkedHashMap<>();
            each.counts().counts().forEach((state, count) -> states.put(state.name(), count));
            byTable.put(each.table().tableName(), states);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("datesPerMinute", each.datesPerMinute());
            line.put("etaSeconds", each.eta().map(Duration::toSeconds).orElse(null));
            line.put("stale", each.staleDates().size());
            line.put("paused", each.paused().map(pause -> Map.of("since", pause.since().toString(), "by", pause.by())).orElse(null));
            progress.put(each.table().tableName(), line);
            staleByTable.put(each.table().tableName(), each.staleDates().stream().map(record -> record.key().date().toString()).toList());
        });
        document.put("tables", byTable);
        document.put("progress", progress);
        if (stale) {
            document.put("stale", staleByTable);
        }
        selection.ifPresent(chosen -> document.put("range", chosen.span().toString()));
        if (runId != null) {
            document.put("run", runId);
        }
        return document;
    }
}
