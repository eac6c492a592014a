package dev.backfillfleet.worker;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.config.WorkerConfig;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.inject.AccessMode;
import dev.backfillfleet.inject.Bootstrap;
import dev.backfillfleet.inject.Lifecycle;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.provision.StartupCheck;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

/** The worker process's composition root: parse, wire, pull until told to stop (or idle). */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Pulls (table, date) messages and runs each table's processor for its date.",
        footer = ExitCodes.HELP_FOOTER)
public final class WorkerMain
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Option(names = "--concurrency", paramLabel = "N", description = "Dates processed at once, 1-" + WorkerConfig.MAX_CONCURRENCY + " (default: backfill.worker-concurrency, 4).")
    Integer concurrency;

    @Option(names = "--until-idle", description = "Exit 0 once the queue has stayed empty for --idle-seconds.")
    boolean untilIdle;

    @Option(names = "--idle-seconds", paramLabel = "S", defaultValue = "3", description = "How long the queue must stay empty for --until-idle (default ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Option(names = "--shutdown-seconds", paramLabel = "S", defaultValue = "${env:BACKFILL_SHUTDOWN_SECONDS:-" + ShutdownBudget.DEFAULT_PLATFORM_GRACE_SECONDS + "}",
            description = "The platform's grace from SIGTERM to SIGKILL: Cloud Run 10, on GKE the pod's terminationGracePeriodSeconds. The worker has drained, "
                    + "given back and exited within it (env BACKFILL_SHUTDOWN_SECONDS, default " + ShutdownBudget.DEFAULT_PLATFORM_GRACE_SECONDS + ", at least 6).")
    int shutdownSeconds;

    @Option(names = "--grace-seconds", paramLabel = "S", description = "On SIGTERM, how long running dates may take to finish; the rest are given back, unfinished and not failed "
            + "(default: all that --shutdown-seconds leaves after 2 s to give back, 2 s to close and 0.5 s to exit: 5.5 s of 10).")
    Integer graceSeconds;

    @Option(names = "--http-port", paramLabel = "N", defaultValue = "${env:BACKFILL_HTTP_PORT}",
            description = "Serve /healthz, /readyz and /metrics (Prometheus) on this port; 0 picks a free one (env BACKFILL_HTTP_PORT, default: off).")
    Integer httpPort;

    @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "${env:BACKFILL_HTTP_HOST:-127.0.0.1}",
            description = "Interface the HTTP endpoints listen on (env BACKFILL_HTTP_HOST, default 127.0.0.1: this machine only; 0.0.0.0 in a container).")
    String httpHost;

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
        if ((graceSeconds != null && graceSeconds < 1) || idleSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), idleSeconds >= 1
                    ? "--grace-seconds must be at least 1, not " + graceSeconds + " (dates still running after it are given back)"
                    : "--idle-seconds must be at least 1, not " + idleSeconds);
        }
        ShutdownBudget budget = shutdownBudget();
        if (httpPort != null) {
            WorkerHttpServer.address(httpHost, httpPort);
        }
        LogFormat.select(LogFormat.parse(logFormat));
        Map<String, String> overrides = new HashMap<>();
        if (concurrency != null) {
            overrides.put(WorkerConfig.CONCURRENCY.name(), concurrency.toString());
        }
        Configuration config = backend.load(overrides);
        Injector injector = Bootstrap.createInjector(config, AccessMode.READ_WRITE, List.of(new WorkerModule(WorkerSettings.from(config, newWorkerId()))));
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        try {
            // what this worker needs must exist before it takes a single message
            injector.getInstance(Key.get(new TypeLiteral<Set<StartupCheck>>() {})).forEach(check -> check.check(ProcessRole.WORKER));
        }
        catch (RuntimeException e) {
            lifecycle.close();
            throw e;
        }
        Worker worker = injector.getInstance(Worker.class);
        Readiness readiness = new Readiness(List.of(injector.getInstance(LeaseKeeper.class).storeReachability()::problem, worker::queueProblem));
        startHttpServer(injector, lifecycle, readiness);
        Thread shutdownHook = new Thread(() -> {
            // one deadline for everything after SIGTERM: whatever a step takes, the process is gone before the platform's SIGKILL
            ExitDeadline.start(budget.exitWithin());
            readiness.stopping();
            worker.stop(budget);
            lifecycle.close();
            // a JVM stopped by SIGTERM exits 143 whatever main returns; the drain is done, so say so
            Runtime.getRuntime().halt(ExitCodes.SUCCESS);
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        worker.start();
        readiness.ready();
        if (untilIdle) {
            worker.awaitIdle(Duration.ofSeconds(idleSeconds));
        }
        else {
            worker.fatalFailure().join();
        }
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
        readiness.stopping();
        Optional<FleetException> fatal = Optional.ofNullable(worker.fatalFailure().getNow(null));
        // a fatal failure gives back at once what this worker holds: every date would fail the same way
        worker.stop(fatal.isPresent() ? Duration.ZERO : budget.finishWithin());
        lifecycle.close();
        if (fatal.isPresent()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + fatal.get().getMessage());
            err.flush();
            return ExitCodes.forClass(fatal.get().errorClass());
        }
        return ExitCodes.SUCCESS;
    }

    private ShutdownBudget shutdownBudget()
    {
        try {
            return new ShutdownBudget(Duration.ofSeconds(shutdownSeconds), Optional.ofNullable(graceSeconds).map(Duration::ofSeconds));
        }
        catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--shutdown-seconds " + shutdownSeconds
                    + (graceSeconds == null ? "" : " --grace-seconds " + graceSeconds) + ": " + e.getMessage());
        }
    }

    /** The HTTP endpoint, if asked for: registered last, so it closes first, after the worker has drained. */
    private void startHttpServer(Injector injector, Lifecycle lifecycle, Readiness readiness)
    {
        if (httpPort == null) {
            return;
        }
        WorkerSettings settings = injector.getInstance(WorkerSettings.class);
        WorkerMetrics metrics = new WorkerMetrics(injector.getInstance(WorkerStats.class), settings.workerId());
        WorkerHttpServer server = lifecycle.register(WorkerHttpServer.start(httpHost, httpPort, readiness, metrics::render));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("worker %s: /healthz /readyz /metrics on http://%s:%d%n", settings.workerId(), httpHost, server.port());
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
