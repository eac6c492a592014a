package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableSelection;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.output.Colour;
import dev.backfillfleet.coordinator.output.DateRuns;
import dev.backfillfleet.coordinator.output.JsonOutput;
import dev.backfillfleet.coordinator.output.Style;
import dev.backfillfleet.coordinator.output.Terminal;
import dev.backfillfleet.coordinator.output.TextTable.Cell;
import dev.backfillfleet.coordinator.output.TextTable;
import dev.backfillfleet.coordinator.report.FailureGroup;
import dev.backfillfleet.coordinator.report.FailureGroups;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import static dev.backfillfleet.coordinator.output.TextTable.Align.LEFT;
import static dev.backfillfleet.coordinator.output.TextTable.Align.RIGHT;

@Command(name = "failed", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "The FAILED dates, grouped by cause, with their dates.",
                "Groups are by table, error class and message fingerprint (the message with dates, numbers, ids and quoted",
                "values taken out), so that one systematic cause shows as one line with a count and its dates as ranges."},
        footer = ExitCodes.HELP_FOOTER)
public final class FailedCommand
        implements Callable<Integer>
{
    /** Date runs listed per group before "and N more": the full list is in --json and --each. */
    private static final int DATE_RUNS_SHOWN = 12;

    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    DateOptions dates = new DateOptions();

    @Option(names = "--table", paramLabel = "T[,T2|all]", description = "Table(s) (default: every table).")
    String table;

    @Option(names = "--each", description = "Also list every failed date with its own message.")
    boolean each;

    @Option(names = "--json", description = "One JSON document: {\"groups\": [{table, errorClass, fingerprint, example, count, attempts, dates, dateRuns}], "
            + "\"failed\": [{table, date, errorClass, message, attempts, runId}], \"cancelled\": dates}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        try (FleetConnection fleet = FleetConnection.readOnly(backend.load())) {
            TableCatalog catalog = fleet.catalog();
            List<AnalyticsTable> tables = table == null ? catalog.tables() : TableSelection.parse(table, catalog);
            List<DateRecord> failed = failures(fleet.stateStore(), tables, dates.span());
            List<FailureGroup> groups = FailureGroups.of(failed);
            long cancelled = tables.stream().mapToLong(each -> fleet.stateStore().countByState(each, dates.span()).getOrDefault(DateState.CANCELLED, 0L)).sum();
            if (json) {
                JsonOutput.print(out, toJson(groups, failed, cancelled));
                return ExitCodes.SUCCESS;
            }
            Style style = Terminal.detect().style();
            if (failed.isEmpty()) {
                out.println("No failed dates" + cancelledNote(cancelled) + ".");
                return ExitCodes.SUCCESS;
            }
            printGroups(out, style, groups, Integer.MAX_VALUE, cancelled);
            if (each) {
                out.println();
                printEach(out, style, failed);
            }
            out.println();
            out.println(hints(groups, fleet.catalog()));
            return ExitCodes.SUCCESS;
        }
    }

    /** The failure groups of some tables, for the summary of {@code run}: at most {@code limit} groups. */
    public static void printFailures(PrintWriter out, StateStore store, List<AnalyticsTable> tables, int limit)
    {
        printGroups(out, Terminal.detect().style(), FailureGroups.of(failures(store, tables, Optional.empty())), limit, 0);
    }

    private static List<DateRecord> failures(StateStore store, List<AnalyticsTable> tables, Optional<DateRange> range)
    {
        List<DateRecord> failed = new ArrayList<>();
        tables.forEach(each -> failed.addAll(store.list(each, range, Set.of(DateState.FAILED))));
        return failed;
    }

    private static void printGroups(PrintWriter out, Style style, List<FailureGroup> groups, int limit, long cancelled)
    {
        int dates = groups.stream().mapToInt(FailureGroup::count).sum();
        out.printf("%d failed %s in %d %s by error%s:%n%n", dates, dates == 1 ? "date" : "dates", groups.size(), groups.size() == 1 ? "group" : "groups",
                cancelledNote(cancelled));
        TextTable table = new TextTable(List.of("count", "table", "class", "attempts", "error"), List.of(RIGHT, LEFT, LEFT, RIGHT, LEFT));
        List<FailureGroup> shown = groups.stream().limit(limit).toList();
        shown.forEach(group -> table.addRow(List.of(
                Cell.of(group.count(), Colour.BOLD),
                Cell.of(group.table().tableName()),
                Cell.of(group.errorClassName(), group.errorClass().map(Style::of).orElse(Colour.NONE)),
                Cell.of(group.minAttempts() == group.maxAttempts() ? String.valueOf(group.maxAttempts()) : group.minAttempts() + "-" + group.maxAttempts()),
                Cell.of(group.count() == 1 ? group.example() : group.fingerprint()))));
        List<String> lines = table.render(style);
        out.println(lines.get(0));
        int countWidth = Math.max("count".length(), String.valueOf(shown.isEmpty() ? 0 : shown.get(0).count()).length());
        String indent = " ".repeat(countWidth + 2);
        for (int i = 0; i < shown.size(); i++) {
            out.println(lines.get(i + 1));
            out.println(style.apply(Colour.DIM, indent + "dates: " + datesText(shown.get(i).dates())));
        }
        if (groups.size() > limit) {
            out.printf("... and %d more groups (coordinator failed lists them all)%n", groups.size() - limit);
        }
        out.flush();
    }

    /** Cancelled dates are neither failures nor done: said once, so that a count of failures is not read as everything that did not run. */
    private static String cancelledNote(long cancelled)
    {
        return cancelled == 0 ? "" : " (and " + cancelled + " CANCELLED, not failures: 'coordinator enqueue' queues them again)";
    }

    private static String datesText(List<LocalDate> dates)
    {
        String all = DateRuns.compact(dates);
        String[] runs = all.split(", ");
        if (runs.length <= DATE_RUNS_SHOWN) {
            return all;
        }
        return String.join(", ", Arrays.copyOf(runs, DATE_RUNS_SHOWN)) + ", ... (" + dates.size() + " dates; --each or --json lists all)";
    }

    private static void printEach(PrintWriter out, Style style, List<DateRecord> failed)
    {
        TextTable table = new TextTable(List.of("table", "date", "class", "attempts", "error"), List.of(LEFT, LEFT, LEFT, RIGHT, LEFT));
        failed.forEach(record -> table.addRow(List.of(
                Cell.of(record.key().table().tableName()),
                Cell.of(record.key().date()),
                Cell.of(record.errorClass().map(Enum::name).orElse("UNKNOWN"), record.errorClass().map(Style::of).orElse(Colour.NONE)),
                Cell.of(record.attempts()),
                Cell.of(record.errorMessage().orElse("")))));
        table.render(style).forEach(out::println);
    }

    private static String hints(List<FailureGroup> groups, TableCatalog catalog)
    {
        String tables = String.join(",", groups.stream().map(group -> catalog.displayName(group.table())).distinct().toList());
        String classes = String.join("|", groups.stream().map(FailureGroup::errorClassName).distinct().sorted().toList());
        return "Once the cause is fixed: coordinator retry --table " + tables + " --failed [--error-class " + classes + "]";
    }

    private static Map<String, Object> toJson(List<FailureGroup> groups, List<DateRecord> failed, long cancelled)
    {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("groups", groups.stream().map(FailedCommand::toJson).toList());
        document.put("failed", failed.stream().map(FailedCommand::toJson).toList());
        document.put("cancelled", cancelled);
        return document;
    }

    private static Map<String, Object> toJson(FailureGroup group)
    {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("table", group.table().tableName());
        entry.put("errorClass", group.errorClass().map(Enum::name).orElse(null));
        entry.put("fingerprint", group.fingerprint());
        entry.put("example", group.example());
        entry.put("count", group.count());
        Map<String, Integer> attempts = new LinkedHashMap<>();
        attempts.put("min", group.minAttempts());
        attempts.put("max", group.maxAttempts());
        entry.put("attempts", attempts);
        entry.put("dates", group.dates().stream().map(LocalDate::toString).toList());
        entry.put("dateRuns", DateRuns.compact(group.dates()));
        return entry;
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
