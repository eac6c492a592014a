package dev.backfillfleet.bench.overhead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backfillfleet.bench.BenchSettings;
import dev.backfillfleet.bench.Progress;
import dev.backfillfleet.bench.fleet.Percentiles;
import dev.backfillfleet.bench.process.ChildProcess;
import dev.backfillfleet.bench.process.ProductCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The fleet's own cost: enqueue rate and claim + heartbeat + complete + ack per date (L = 0) on
 * the embedded backend and on the Pub/Sub and Firestore emulators where they are installed; and
 * one worker process draining a small and a large backlog.
 */
public final class OverheadBenchmark
{
    private static final int EMULATOR_ENQUEUE_DATES = 1_000;
    private static final int EMULATOR_OVERHEAD_DATES = 300;
    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(10);

    private final BenchSettings settings;

    public OverheadBenchmark(BenchSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
    }

    public OverheadResult run()
            throws InterruptedException, IOException
    {
        List<BackendOverhead> backends = new ArrayList<>();
        int warmup = Math.min(200, settings.overheadDates() / 5);
        backends.add(probe("embedded", Map.of(), settings.enqueueDates(), settings.overheadDates(), warmup));
        String emulators = emulators(backends);
        DrainBenchmark drain = new DrainBenchmark(settings);
        List<DrainRun> drains = List.of(
                drain.drain(settings.drainSmallBacklog(), settings.drainSmallBacklog()),
                drain.drain(settings.drainLargeBacklog(), settings.drainMeasured()));
        Double slowdown = drains.get(1).msPerDate() / drains.get(0).msPerDate();
        String method = "probe: a JVM of its own (" + OverheadProbe.class.getSimpleName() + "), the backend chosen by its environment; enqueue = Enqueuer "
                + "(state records, then messages) of N synthetic dates, after an untimed enqueue of N / 5 (at most 1,000) others; overhead = per delivery, one at a time, claim + heartbeat + complete + ack through "
                + "the ports (the processor's time is 0), warm-up dates left out; drain = bin/worker --concurrency " + DrainBenchmark.CONCURRENCY
                + ", L = 0, steady rate from the state records' finish times";
        return new OverheadResult(backends, emulators, drains, slowdown, method);
    }

    private String emulators(List<BackendOverhead> backends)
            throws InterruptedException, IOException
    {
        if (!settings.emulators()) {
            return "skipped: " + (settings.quick() ? "--quick (add --emulators to include them)" : "--no-emulators");
        }
        Optional<String> missing = Emulators.missing();
        if (missing.isPresent()) {
            Progress.say("overhead: emulators skipped: %s", missing.get());
            return "skipped: " + missing.get();
        }
        Path logs = settings.work().newHome("emulators");
        try (Emulators emulators = Emulators.start(logs)) {
            Map<String, String> environment = emulators.environment();
            ProductCommand setup = settings.launcher().coordinator(List.of("setup", "--home", logs.resolve("home").toString()));
            try (ChildProcess process = ChildProcess.start(setup, environment, settings.work().log(logs, "setup"))) {
                int exit = process.waitFor(Duration.ofMinutes(2));
                if (exit != 0) {
                    // as bin/bench-emulators: setup also lists Firestore indexes, which the emulator does not need
                    Progress.say("overhead: coordinator setup on the emulators exited %d; going on: %s", exit, process.output().strip());
                }
            }
            try {
                backends.add(probe("emulators", environment, settings.cap(EMULATOR_ENQUEUE_DATES), settings.cap(EMULATOR_OVERHEAD_DATES), 50));
            }
            catch (IllegalStateException e) {
                Progress.say("overhead: the emulators' probe failed: %s", e.getMessage());
                return "failed: " + e.getMessage();
            }
            return "official emulators " + Emulators.PUBSUB.getFileName() + " and " + Emulators.FIRESTORE.getFileName()
                    + " on this machine (unary pull; warehouse embedded), environment as bin/bench-emulators sets it";
        }
        finally {
            settings.work().discard(logs);
        }
    }

    private BackendOverhead probe(String name, Map<String, String> environment, int enqueueDates, int overheadDates, int warmup)
            throws InterruptedException, IOException
    {
        Path home = settings.work().newHome("overhead-" + name);
        try {
            ProductCommand command = settings.launcher().harness(OverheadProbe.class, List.of("--home", home.toString(),
                    "--enqueue-dates", Integer.toString(enqueueDates + overheadDates + warmup),
                    "--overhead-dates", Integer.toString(overheadDates), "--warmup-dates", Integer.toString(warmup)));
            String output;
            try (ChildProcess probe = ChildProcess.start(command, environment, settings.work().log(home, "probe"))) {
                int exit = probe.waitFor(PROBE_TIMEOUT);
                output = probe.output();
                if (exit != 0) {
                    throw new IllegalStateException(command.display() + " exited " + exit + ": " + output);
                }
            }
            JsonNode result = new ObjectMapper().readTree(lastLine(output));
            int queued = result.get("enqueueDates").asInt();
            double seconds = result.get("enqueueSeconds").asDouble();
            Percentiles overhead = new ObjectMapper().treeToValue(result.get("overhead"), Percentiles.class);
            Progress.say("overhead %s: enqueue %.0f dates/s; claim+heartbeat+complete+ack median %.3f ms, p99 %.3f ms", name, queued / seconds,
                    overhead.medianMs(), overhead.p99Ms());
            String shown = environment.isEmpty() ? command.display()
                    : String.join(" ", environment.keySet().stream().sorted().map(key -> key + "=" + environment.get(key)).toList()) + " " + command.display();
            return new BackendOverhead(result.get("backend").asText(), queued, seconds, queued / seconds, warmup, overhead, shown,
                    settings.reproduce("overhead", ""));
        }
        finally {
            settings.work().discard(home);
        }
    }

    /** The probe's result: its last line that is a JSON object (log lines may come before it). */
    private static String lastLine(String output)
    {
        List<String> lines = output.lines().filter(line -> line.startsWith("{")).toList();
        if (lines.isEmpty()) {
            throw new IllegalStateException("the probe printed no result: " + output);
        }
        return lines.get(lines.size() - 1);
    }
}
