package dev.backfillfleet.coordinator.watch;

import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.coordinator.command.DateOptions;
import dev.backfillfleet.coordinator.output.Terminal;
import dev.backfillfleet.coordinator.output.TerminalWidth;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.TableSelection;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Live progress per table: done, failed, running and queued dates, rate and ETA.",
                "A bar per table, the completion rate over the last minute and the ETA of what is queued. Reads only the",
                "state store, so it works from any machine against any backend while workers run elsewhere. Redraws in place",
                "on a terminal; otherwise prints a line per table whenever the counts change (and at least once a minute).",
                "Ends when every date is SUCCEEDED, NO_GAMES or FAILED (exit 0, or 1 if some FAILED), or on Ctrl-C."},
        footer = ExitCodes.HELP_FOOTER)
public final class WatchCommand
        implements Callable<Integer>
{
    /** Without a change in the counts, a non-terminal still gets a line this often, so a log shows the watch is alive. */
    private static final Duration PLAIN_HEARTBEAT = Duration.ofMinutes(1);

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
        Optional<DateRange> range = dates.span();
        Clock clock = Clock.systemDefaultZone();
        try (FleetConnection fleet = FleetConnection.readOnly(backend.load())) {
            ProgressSampler sampler = new ProgressSampler(fleet.stateStore(), Optional.ofNullable(table).map(TableSelection::parse), range, System::nanoTime);
            WatchFrame frame = new WatchFrame(terminal, range);
            RedrawingScreen screen = new RedrawingScreen(out);
            String refresh = "every " + seconds(interval) + ", Ctrl-C to stop";
            List<StateCounts> lastCounts = List.of();
            long lastPrintNanos = 0;
            while (true) {
                List<TableProgress> progress = sampler.sample();
                boolean finished = !progress.isEmpty() && progress.stream().allMatch(TableProgress::finished);
                LocalTime now = LocalTime.now(clock);
                if (terminal.interactive()) {
                    OptionalInt columns = TerminalWidth.detect();
                    screen.draw(frame.block(progress, now, once ? "snapshot" : refresh, columns), columns);
                }
                else {
                    List<StateCounts> counts = progress.stream().map(TableProgress::counts).toList();
                    if (once || finished || !counts.equals(lastCounts) || System.nanoTime() - lastPrintNanos >= PLAIN_HEARTBEAT.toNanos()) {
                        frame.lines(progress, now).forEach(out::println);
                        out.flush();
                        lastCounts = counts;
                        lastPrintNanos = System.nanoTime();
                    }
                }
                if (once) {
                    return ExitCodes.SUCCESS;
                }
                if (finished) {
                    out.println(frame.summary(progress));
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
