package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableDefinition;
import dev.backfillfleet.catalog.TableSelection;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.output.JsonOutput;
import dev.backfillfleet.coordinator.verify.CoverageCheck;
import dev.backfillfleet.coordinator.verify.GameDates;
import dev.backfillfleet.coordinator.verify.TableCoverage;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.domain.FleetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Coverage per table over the schedule's game dates (regular season, play-in, playoffs; the first "
                        + GameDates.BOOTSTRAP_DAYS + " days of each season",
                "are a bootstrap period and excluded): the share of dates SUCCEEDED with rows written = rows expected = rows in the",
                "partition, or with --source data, the share of dates whose partition holds rows, whoever wrote them (as the real",
                "pipeline's validator counts). Lists every date that falls short. Exits 0 only if every table reaches the threshold; a table with no",
                "countable date in the range has nothing to check, which is not a pass (exit 1, with the reason)."},
        footer = ExitCodes.HELP_FOOTER)
public final class VerifyCommand
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    DateOptions dates = new DateOptions();

    @Option(names = "--table", paramLabel = "T[,T2|all]", description = "Table(s) (default: the five analytics tables).")
    String table;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "95", description = "Percent of game dates every table must reach (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--source", paramLabel = "state|data", defaultValue = "state",
            description = "What covers a date: state (default: SUCCEEDED, and its rows in the partition) or data (rows in the partition, "
                    + "e.g. history another pipeline wrote).")
    String source;

    @Option(names = "--json", description = "One JSON document: {selection, source, threshold, gameDates, bootstrapDates, ok, tables: {table: "
            + "{datesChecked, passed, coveragePercent, reachesThreshold, nothingToCheck, missing: [{date, reason}]}}}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        if (threshold < 0 || threshold > 100 || Double.isNaN(threshold)) {
            throw FleetException.userError("--threshold " + threshold + " is not a percentage between 0 and 100");
        }
        CoverageCheck.Source coveredBy = source();
        DateSelection selection = dates.required();
        try (FleetConnection fleet = FleetConnection.readOnly(backend.load())) {
            TableCatalog catalog = fleet.catalog();
            List<AnalyticsTable> tables = table == null ? catalog.all().stream().map(TableDefinition::table).toList() : TableSelection.parse(table, catalog);
            GameDates.Eligible gameDates = GameDates.within(fleet.warehouse(), selection.dates());
            CoverageCheck check = new CoverageCheck(fleet.stateStore(), fleet.warehouse(), catalog, coveredBy);
            List<TableCoverage> coverages = tables.stream()
                    .map(each -> check.check(each, CoverageCheck.countsGameDatesOnly(catalog.definition(each)) ? gameDates : GameDates.every(selection), selection))
                    .toList();
            GameDates.Eligible eligible = gameDates;
            boolean ok = coverages.stream().allMatch(coverage -> coverage.reaches(threshold));
            if (json) {
                JsonOutput.print(out, toJson(selection, eligible, coverages, ok));
            }
            else {
                printReport(out, selection, eligible, coverages);
            }
            return ok ? ExitCodes.SUCCESS : ExitCodes.FAILED;
        }
    }

    private CoverageCheck.Source source()
    {
        return switch (source.strip().toLowerCase(Locale.ROOT)) {
            case "state" -> CoverageCheck.Source.STATE;
            case "data" -> CoverageCheck.Source.DATA;
            default -> throw FleetException.userError("--source '" + source + "' is not state or data");
        };
    }

    private void printReport(PrintWriter out, DateSelection selection, GameDates.Eligible eligible, List<TableCoverage> coverages)
    {
        out.printf("Coverage of %s: %d game dates (%d more in the first %d days of a season, not counted), threshold %s%%.%n",
                selection, eligible.dates().size(), eligible.bootstrapDates().size(), GameDates.BOOTSTRAP_DAYS, format(threshold));
        if (source().equals(CoverageCheck.Source.DATA)) {
            out.println("A date is covered when its partition holds rows (--source data), whoever wrote them.");
        }
        printTable(out, coverages);
        printMissing(out, coverages);
        List<String> nothing = names(coverages.stream().filter(coverage -> coverage.nothingToCheck().isPresent()));
        List<String> below = names(coverages.stream().filter(coverage -> coverage.nothingToCheck().isEmpty() && !coverage.reaches(threshold)));
        if (nothing.isEmpty() && below.isEmpty()) {
            out.printf("All %d tables reach %s%%.%n", coverages.size(), format(threshold));
            return;
        }
        if (!below.isEmpty()) {
            out.printf("%d of %d tables fall short of %s%%: %s.%n", below.size(), coverages.size(), format(threshold), String.join(", ", below));
        }
        if (!nothing.isEmpty()) {
            out.printf("%d of %d tables have nothing to check in %s, so none of them reaches %s%%: %s.%n", nothing.size(), coverages.size(),
                    selection, format(threshold), String.join(", ", nothing));
        }
    }

    private static List<String> names(Stream<TableCoverage> coverages)
    {
        return coverages.map(coverage -> coverage.table().tableName()).toList();
    }

    private static void printTable(PrintWriter out, List<TableCoverage> coverages)
    {
        out.printf("%-30s %10s %9s %9s %8s%n", "table", "checked", "passed", "coverage", "missing");
        for (TableCoverage coverage : coverages) {
            if (coverage.nothingToCheck().isPresent()) {
                out.printf("%-30s %10d %9s %9s %8s  nothing to check%n", coverage.table().tableName(), 0, "-", "-", "-");
                continue;
            }
            out.printf("%-30s %10d %9d %8s%% %8d%n", coverage.table().tableName(), coverage.datesChecked(), coverage.passed(),
                    String.format(Locale.ROOT, "%.1f", Math.floor(coverage.percent().orElseThrow() * 10) / 10), coverage.missing().size());
        }
    }

    private static void printMissing(PrintWriter out, List<TableCoverage> coverages)
    {
        boolean printed = false;
        for (TableCoverage coverage : coverages) {
            if (coverage.nothingToCheck().isPresent()) {
                out.printf("%nNothing to check for %s: %s.%n", coverage.table().tableName(), coverage.nothingToCheck().get());
                printed = true;
            }
            if (coverage.missing().isEmpty()) {
                continue;
            }
            out.printf("%nMissing dates of %s (%d):%n", coverage.table().tableName(), coverage.missing().size());
            coverage.missing().forEach(missing -> out.printf("  %s  %s%n", missing.date(), missing.reason()));
            printed = true;
        }
        if (printed) {
            out.println();
        }
    }

    private Map<String, Object> toJson(DateSelection selection, GameDates.Eligible eligible, List<TableCoverage> coverages, boolean ok)
    {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("selection", selection.toString());
        document.put("source", source.strip().toLowerCase(Locale.ROOT));
        document.put("threshold", threshold);
        document.put("gameDates", eligible.dates().size());
        document.put("bootstrapDates", eligible.bootstrapDates().size());
        document.put("ok", ok);
        Map<String, Object> byTable = new LinkedHashMap<>();
        for (TableCoverage coverage : coverages) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("datesChecked", coverage.datesChecked());
            entry.put("passed", coverage.passed());
            entry.put("coveragePercent", coverage.percent().isPresent() ? coverage.percent().getAsDouble() : null);
            entry.put("reachesThreshold", coverage.reaches(threshold));
            entry.put("nothingToCheck", coverage.nothingToCheck().orElse(null));
            entry.put("missing", coverage.missing().stream().map(missing -> {
                Map<String, Object> date = new LinkedHashMap<>();
                date.put("date", missing.date().toString());
                date.put("reason", missing.reason());
                return date;
            }).toList());
            byTable.put(coverage.table().tableName(), entry);
        }
        document.put("tables", byTable);
        return document;
    }

    private static String format(double percent)
    {
        return String.format(Locale.ROOT, "%.1f", percent);
    }
}
