package dev.backfillfleet.worker;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.inject.BackendModules;
import dev.backfillfleet.inject.Lifecycle;
import dev.backfillfleet.worker.cli.BackendOptions;
import dev.backfillfleet.worker.cli.ExitCodes;
import dev.backfillfleet.worker.http.WorkerHttpServer;
import dev.backfillfleet.worker.observability.LogFormat;
import dev.backfillfleet.worker.observability.Readiness;
import dev.backfillfleet.worker.observability.WorkerMetrics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The worker process's composition root: parse, wire, pull until told to stop (or idle). */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Pulls (table, date) messages and runs each table's processor for its date.",
        footer = ExitCodes.HELP_FOOTER)
public final class WorkerMain
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Option(names = "--concurrency", paramLabel = "N", description = "Dates processed at once (default: backfill.worker-concurrency, 4).")
    Integer concurrency;

    @Option(names = "--until-idle", description = "Exit 0 once the queue has stayed empty for --idle-seconds.")
    boolean untilIdle;

    @Option(names = "--idle-seconds", paramLabel = "S", defaultValue = "3", description = "How long the queue must stay empty for --until-idle (default ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Option(names = "--grace-seconds", paramLabel = "S", defaultValue = "25", description = "On SIGTERM, how long running dates may take to finish (default ${DEFAULT-VALUE}).")
    int graceSeconds;

    @Option(names = "--http-port", paramLabel = "N", defaultValue = "${env:BACKFILL_HTTP_PORT}",
            description = "Serve /healthz, /readyz and /metrics (Prometheus) on this port; 0 picks a free one (env BACKFILL_HTTP_PORT, default: off).")
    Integer httpPort;

    @Option(names = "--log-format", paramLabel = "plain|json", defaultValue = "${env:BACKFILL_LOG_FORMAT:-plain}",
            description = "plain: lines for people; json: one object per line as Cloud Logging parses it (env BACKFILL_LOG_FORMAT, default plain).")
    String logFormat;

    @Spec
    CommandSpec spec;

    public static void main(String[] args)
    {
        System.exit(ExitCodes.configure(new CommandLine(new WorkerMain())).execute(args));
    }

    @Override
    public Integer call()
            throws Exception
    {
        LogFormat.select(LogFormat.parse(logFormat));
        Map<String, String> overrides = new HashMap<>();
        if (concurrency != null) {
            overrides.put(FleetConfig.WORKER_CONCURRENCY.name(), concurrency.toString());
        }
        FleetConfig config = backend.load(overrides);
        var modules = new ArrayList<>(BackendModules.forConfig(config));
        modules.add(new WorkerModule(WorkerSettings.from(config, newWorkerId())));
        Injector injector = Guice.createInjector(Stage.PRODUCTION, modules);
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        Worker worker = injector.getInstance(Worker.class);
        Readiness readiness = new Readiness();
        startHttpServer(injector, lifecycle, readiness);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdownHook = new Thread(() -> {
            readiness.stopping();
            worker.stop(Duration.ofSeconds(graceSeconds));
            lifecycle.close();
            stopped.countDown();
            // a JVM stopped by SIGTERM exits 143 whatever main returns; the drain is done, so say so
            Runtime.getRuntime().halt(ExitCodes.SUCCESS);
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        worker.start();
        readiness.ready();
        if (untilIdle) {
            worker.awaitIdle(Duration.ofSeconds(idleSeconds));
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
            readiness.stopping();
            worker.close();
            lifecycle.close();
            return ExitCodes.SUCCESS;
        }
        stopped.await();
        return ExitCodes.SUCCESS;
    }

    /** The HTTP endpoint, if asked for: registered last, so it closes first, after the worker has drained. */
    private void startHttpServer(Injector injector, Lifecycle lifecycle, Readiness readiness)
    {
        if (httpPort == null) {
            return;
        }
        WorkerSettings settings = injector.getInstance(WorkerSettings.class);
        WorkerMetrics metrics = new WorkerMetrics(injector.getInstance(WorkerStats.class), settings.workerId());
        WorkerHttpServer server = lifecycle.register(WorkerHttpServer.start(httpPort, readiness, metrics::render));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("worker %s: /healthz /readyz /metrics on http://localhost:%d%n", settings.workerId(), server.port());
        out.flush();
    }

    /** host-pid-random: unique per process, readable in the state records. */
    public static String newWorkerId()
    {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (Exception e) {
            host = "localhost";
        }
        String pid = ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
        return host + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
