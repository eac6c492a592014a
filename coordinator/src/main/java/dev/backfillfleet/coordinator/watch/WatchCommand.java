package dev.backfillfleet.coordinator.watch;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableSelection;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.command.DateOptions;
import dev.backfillfleet.coordinator.output.Terminal;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.FleetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Live progress per table: done, failed, cancelled, running and queued dates, rate and ETA; PAUSED tables say so.",
                "A bar per table, the completion rate over the last minute and the ETA of what is queued. Reads only the",
                "state store, so it works from any machine against any backend while workers run elsewhere. Redraws in place",
                "on a terminal; otherwise prints a line per table whenever the counts change (and at least once a minute).",
                "Ends when every date is SUCCEEDED, NO_GAMES, FAILED or CANCELLED (exit 0, or 1 if some FAILED), or on Ctrl-C."},
        footer = ExitCodes.HELP_FOOTER)
public final class WatchCommand
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    DateOptions dates = new DateOptions();

    @Option(names = "--table", paramLabel = "T[,T2|all]", description = "Table(s) (default: every table that has dates recorded).")
    String table;

    @Option(names = "--interval", paramLabel = "S", defaultValue = "2", description = "Seconds between refreshes (default ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Option(names = "--once", description = "Print one frame and exit 0.")
    boolean once;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
            throws InterruptedException
    {
        if (intervalSeconds < 0.1) {
            throw FleetException.userError("--interval " + intervalSeconds + " is too short: use at least 0.1 seconds");
        }
        Duration interval = Duration.ofMillis((long) (intervalSeconds * 1000));
        PrintWriter out = spec.commandLine().getOut();
        Terminal terminal = Terminal.detect();
        try (FleetConnection fleet = FleetConnection.readOnly(backend.load())) {
            TableCatalog catalog = fleet.catalog();
            ProgressScope scope = ProgressScope.of(Optional.ofNullable(table).map(names -> TableSelection.parse(names, catalog)), catalog.tables(), dates.optional());
            // the time of day the frame shows, in this machine's zone
            Clock clock = fleet.clock().withZone(ZoneId.systemDefault());
            ProgressSampler sampler = new ProgressSampler(fleet.stateStore(), fleet.pauses(), scope, System::nanoTime);
            ProgressView view = new ProgressView(out, terminal, new WatchFrame(terminal, scope.span(), catalog), Duration.ZERO, System::nanoTime);
            String refresh = once ? "snapshot" : "every " + seconds(interval) + ", Ctrl-C to stop";
            while (true) {
                List<TableProgress> progress = sampler.sample();
                boolean finished = !progress.isEmpty() && progress.stream().allMatch(TableProgress::finished);
                view.show(progress, LocalTime.now(clock), refresh, once || finished);
                if (once) {
                    return ExitCodes.SUCCESS;
                }
                if (finished) {
                    out.println(view.frame().summary(progress));
                    out.flush();
                    boolean anyFailed = progress.stream().anyMatch(each -> each.counts().get(DateState.FAILED) > 0);
                    return anyFailed ? ExitCodes.FAILED : ExitCodes.SUCCESS;
                }
                Thread.sleep(interval.toMillis());
            }
        }
    }

    private static String seconds(Duration interval)
    {
        long millis = interval.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis / 1000.0 + "s";
    }
}
