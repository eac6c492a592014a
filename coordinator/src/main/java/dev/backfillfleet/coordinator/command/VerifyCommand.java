package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.verify.CoverageCheck;
import dev.backfillfleet.coordinator.verify.GameDates;
import dev.backfillfleet.coordinator.verify.TableCoverage;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.TableSelection;
import dev.backfillfleet.worker.cli.BackendOptions;
import dev.backfillfleet.worker.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Coverage per table over the schedule's game dates (regular season, play-in, playoffs; the first "
                        + GameDates.BOOTSTRAP_DAYS + " days of each season",
                "are a bootstrap period and excluded): the share of dates SUCCEEDED with rows written = rows expected = rows in the",
                "partition. Lists every date that falls short. Exits 0 only if every table reaches the threshold."},
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        if (threshold < 0 || threshold > 100 || Double.isNaN(threshold)) {
            throw FleetException.userError("--threshold " + threshold + " is not a percentage between 0 and 100");
        }
        List<AnalyticsTable> tables = table == null ? AnalyticsTable.all() : TableSelection.parse(table);
        DateSelection selection = dates.required();
        try (FleetConnection fleet = FleetConnection.readOnly(backend.load())) {
            GameDates.Eligible eligible = GameDates.within(fleet.warehouse(), selection.dates());
            CoverageCheck check = new CoverageCheck(fleet.stateStore(), fleet.warehouse());
            List<TableCoverage> coverages = tables.stream().map(each -> check.check(each, eligible.dates())).toList();
            out.printf("Coverage of %s: %d game dates (%d more in the first %d days of a season, not counted), threshold %s%%.%n",
                    selection, eligible.dates().size(), eligible.bootstrapDates().size(), GameDates.BOOTSTRAP_DAYS, format(threshold));
            printTable(out, coverages);
            printMissing(out, coverages);
            List<String> below = coverages.stream().filter(coverage -> !coverage.reaches(threshold)).map(coverage -> coverage.table().tableName()).toList();
            if (below.isEmpty()) {
                out.printf("All %d tables reach %s%%.%n", coverages.size(), format(threshold));
                return ExitCodes.SUCCESS;
            }
            out.printf("%d of %d tables fall short of %s%%: %s.%n", below.size(), coverages.size(), format(threshold), String.join(", ", below));
            return ExitCodes.FAILED;
        }
    }

    private static void printTable(PrintWriter out, List<TableCoverage> coverages)
    {
        out.printf("%-30s %10s %9s %9s %8s%n", "table", "game dates", "verified", "coverage", "missing");
        for (TableCoverage coverage : coverages) {
            out.printf("%-30s %10d %9d %8s%% %8d%n", coverage.table().tableName(), coverage.gameDates(), coverage.verified(),
                    String.format(Locale.ROOT, "%.1f", Math.floor(coverage.percent() * 10) / 10), coverage.missing().size());
        }
    }

    private static void printMissing(PrintWriter out, List<TableCoverage> coverages)
    {
        for (TableCoverage coverage : coverages) {
            if (coverage.missing().isEmpty()) {
                continue;
            }
            out.printf("%nMissing dates of %s (%d):%n", coverage.table().tableName(), coverage.missing().size());
            coverage.missing().forEach(missing -> out.printf("  %s  %s%n", missing.date(), missing.reason()));
        }
        if (coverages.stream().anyMatch(coverage -> !coverage.missing().isEmpty())) {
            out.println();
        }
    }

    private static String format(double percent)
    {
        return String.format(Locale.ROOT, "%.1f", percent);
    }
}
