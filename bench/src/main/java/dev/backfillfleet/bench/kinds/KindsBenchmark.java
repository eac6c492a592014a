package dev.backfillfleet.bench.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backfillfleet.bench.BenchSettings;
import dev.backfillfleet.bench.Progress;
import dev.backfillfleet.bench.process.ChildProcess;
import dev.backfillfleet.bench.process.ProductCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** The fleet's own cost per date of a built-in, a SQL and a command table, measured by {@link KindsProbe} in a JVM of its own. */
public final class KindsBenchmark
{
    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BenchSettings settings;

    public KindsBenchmark(BenchSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
    }

    public KindsResult run()
            throws InterruptedException, IOException
    {
        int dates = settings.cap(settings.quick() ? 30 : 500);
        int warmup = settings.quick() ? 10 : 100;
        Path home = settings.work().newHome("kinds");
        try {
            ProductCommand command = settings.launcher().harness(KindsProbe.class, List.of("--home", home.toString(),
                    "--dates", Integer.toString(dates), "--warmup-dates", Integer.toString(warmup)));
            String output;
            try (ChildProcess probe = ChildProcess.start(command, java.util.Map.of(), settings.work().log(home, "probe"))) {
                int exit = probe.waitFor(PROBE_TIMEOUT);
                output = probe.output();
                if (exit != 0) {
                    throw new IllegalStateException(command.display() + " exited " + exit + ": " + output);
                }
            }
            JsonNode result = MAPPER.readTree(lastJsonLine(output));
            List<KindCost> kinds = new ArrayList<>();
            for (JsonNode kind : result.get("kinds")) {
                KindCost cost = MAPPER.treeToValue(kind, KindCost.class);
                Progress.say("kinds %s: median %.3f ms, p99 %.3f ms per date", cost.kind(), cost.perDate().medianMs(), cost.perDate().p99Ms());
                kinds.add(cost);
            }
            ProgramCost program = MAPPER.treeToValue(result.get("program"), ProgramCost.class);
            String method = "probe: a JVM of its own (" + KindsProbe.class.getSimpleName() + ") on an embedded home; the worker's WorkItemRunner, wired as "
                    + "bin/worker wires it, runs one delivery at a time of " + dates + " dates per kind after " + warmup + " left out; the state store and the "
                    + "warehouse are timed at their ports (a proxy per port), the rest is the runner and the computation; the program is then run "
                    + dates + " times bare (ProcessBuilder, read, wait), through CommandRunner, and the leftover search (ProcessTree.killAll after exit) alone";
            return new KindsResult(kinds, program, warmup, method, command.display(), settings.reproduce("kinds", ""));
        }
        finally {
            settings.work().discard(home);
        }
    }

    private static String lastJsonLine(String output)
    {
        List<String> lines = output.lines().filter(line -> line.startsWith("{")).toList();
        if (lines.isEmpty()) {
            throw new IllegalStateException("the probe printed no result: " + output);
        }
        return lines.get(lines.size() - 1);
    }
}
