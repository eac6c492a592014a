package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.output.Colour;
import dev.backfillfleet.coordinator.output.JsonOutput;
import dev.backfillfleet.coordinator.output.Style;
import dev.backfillfleet.coordinator.output.Terminal;
import dev.backfillfleet.coordinator.output.TextTable.Cell;
import dev.backfillfleet.coordinator.output.TextTable;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.BackfillRun;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.state.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static dev.backfillfleet.coordinator.output.TextTable.Align.LEFT;
import static dev.backfillfleet.coordinator.output.TextTable.Align.RIGHT;

@Command(name = "runs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "The latest backfill runs, newest first: run id, who started it and when, tables, dates, its dates per state",
                "now, when its first date started and its last finished. A date queued again by a later run counts there.",
                "'coordinator status --run ID' shows one run per table; 'coordinator cancel --run ID' cancels what is left of it."},
        footer = ExitCodes.HELP_FOOTER)
public final class RunsCommand
        implements Callable<Integer>
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Mixin
    BackendOptions backend = new BackendOptions();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON document: {\"runs\": [{id, createdAt, createdBy, command, tables, dates, keys, states, startedAt, finishedAt}]}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        if (limit < 1) {
            throw FleetException.userError("--limit must be at least 1, not " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (FleetConnection fleet = FleetConnection.readOnly(backend.load())) {
            List<BackfillRun> runs = fleet.runLog().runs(limit);
            Map<String, RunSummary> summaries = new LinkedHashMap<>();
            runs.forEach(run -> summaries.put(run.id(), fleet.stateStore().summarizeRun(run.id())));
            if (json) {
                JsonOutput.print(out, Map.of("runs", runs.stream().map(run -> toJson(run, summaries.get(run.id()))).toList()));
                return ExitCodes.SUCCESS;
            }
            if (runs.isEmpty()) {
                out.println("No runs recorded yet: 'coordinator enqueue' or 'coordinator run' starts one.");
                return ExitCodes.SUCCESS;
            }
            TextTable table = new TextTable(
                    List.of("run", "created", "by", "command", "tables", "dates", "asked", "done", "failed", "cancelled", "running", "queued", "started", "finished"),
                    List.of(LEFT, LEFT, LEFT, LEFT, LEFT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, LEFT, LEFT));
            for (BackfillRun run : runs) {
                RunSummary summary = summaries.get(run.id());
                table.addRow(List.of(
                        Cell.of(run.id(), Colour.BOLD),
                        Cell.of(TIME.format(run.createdAt())),
                        Cell.of(run.createdBy()),
                        Cell.of(run.command()),
                        Cell.of(String.join(",", run.tables().stream().map(AnalyticsTable::tableName).toList())),
                        Cell.of(run.dates()),
                        Cell.of(run.keys()),
                        count(summary.get(DateState.SUCCEEDED) + summary.get(DateState.NO_GAMES), DateState.SUCCEEDED),
                        count(summary.get(DateState.FAILED), DateState.FAILED),
                        count(summary.get(DateState.CANCELLED), DateState.CANCELLED),
                        count(summary.get(DateState.RUNNING), DateState.RUNNING),
                        count(summary.get(DateState.QUEUED), DateState.QUEUED),
                        Cell.of(time(summary.firstStartedAt())),
                        Cell.of(time(summary.finishedAt()))));
            }
            table.render(Terminal.detect().style()).forEach(out::println);
            out.flush();
            return ExitCodes.SUCCESS;
        }
    }

    private static Cell count(long value, DateState state)
    {
        return Cell.of(value, value > 0 ? Style.of(state) : Colour.NONE);
    }

    private static String time(Optional<Instant> instant)
    {
        return instant.map(TIME::format).orElse("--");
    }

    private static Map<String, Object> toJson(BackfillRun run, RunSummary summary)
    {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", run.id());
        entry.put("createdAt", run.createdAt().toString());
        entry.put("createdBy", run.createdBy());
        entry.put("command", run.command());
        entry.put("tables", run.tables().stream().map(AnalyticsTable::tableName).toList());
        entry.put("dates", run.dates());
        entry.put("keys", run.keys());
        Map<String, Long> states = new LinkedHashMap<>();
        summary.counts().forEach((state, count) -> states.put(state.name(), count));
        entry.put("states", states);
        entry.put("startedAt", summary.firstStartedAt().map(Instant::toString).orElse(null));
        entry.put("finishedAt", summary.finishedAt().map(Instant::toString).orElse(null));
        return entry;
    }
}
