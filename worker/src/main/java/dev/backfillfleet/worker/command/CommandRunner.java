package dev.backfillfleet.worker.command;

import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Runs a command table's program for one date and returns the rows it printed.
 *
 * <p>The protocol: the program runs once per date in the working directory, its argv with
 * {@code {date}} replaced, its environment the worker's plus {@code BACKFILL_TABLE},
 * {@code BACKFILL_DATE}, {@code BACKFILL_ATTEMPT} and {@code BACKFILL_RUN_ID} (and
 * {@value #MARKER_VARIABLE}, by which the worker finds every process it started), its standard
 * input empty. It prints the date's rows to standard output as newline-delimited JSON
 * ({@link OutputRows} has the rules); standard error is for people, and its last lines
 * ({@link StandardErrorTail}) are what a failure shows. Exit 0: the rows are the date's result,
 * unless a line did not fit the columns (PERMANENT, naming the line and column, and no row is
 * returned). Exit {@value #EXIT_TEMPORARY_FAILURE} (EX_TEMPFAIL): TRANSIENT, retried like any
 * transient failure. Any other exit: PERMANENT. A program that cannot be started: PERMANENT.
 *
 * <p>No process outlives a call: past the definition's timeout (TRANSIENT), on an interrupt of
 * the calling thread (a lost lease, {@code cancel --now}, a worker stopping: the interrupt status
 * is kept and the failure is TRANSIENT, as the retry policy expects of an interrupted attempt),
 * and after the program exited (what it left running in the background), the program and every
 * process it started are sent SIGTERM, then SIGKILL after a grace period ({@link ProcessTree}).
 * The timeout is measured on {@link System#nanoTime}, the clock the process itself runs by, not
 * on the injected Clock of the fleet's logic.
 */
public final class CommandRunner
{
    public static final int EXIT_TEMPORARY_FAILURE = 75;
    public static final String MARKER_VARIABLE = "BACKFILL_COMMAND_ID";
    public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(2);
    /** The longest output line read; a longer one is a bad row, not a worker out of memory. */
    static final int MAX_ROW_CHARS = 8 * 1024 * 1024;
    /** Time for the output threads to finish once the program is gone: their pipes are closed then, so they end at once. */
    private static final Duration READ_AFTER_EXIT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

    private final Path workingDirectory;
    private final Duration killGrace;
    private final Map<String, String> environment;

    public CommandRunner(Path workingDirectory)
    {
        this(workingDirectory, DEFAULT_KILL_GRACE, Map.of());
    }

    /** @param environment variables every program gets beside the date's (e.g. {@code BACKFILL_HOME}) */
    public CommandRunner(Path workingDirectory, Duration killGrace, Map<String, String> environment)
    {
        this.workingDirectory = requireNonNull(workingDirectory, "workingDirectory is null");
        this.killGrace = requireNonNull(killGrace, "killGrace is null");
        this.environment = Map.copyOf(environment);
    }

    /**
     * The rows of {@code invocation}'s date, or a {@link FleetException} saying why not (see the
     * class comment for which failure is which class).
     */
    public CommandOutput run(CommandDefinition definition, CommandInvocation invocation)
    {
        String label = definition.table() + " " + invocation.date();
        long started = System.nanoTime();
        long deadline = started + definition.timeout().toNanos();
        String id = UUID.randomUUID().toString();
        Process process = start(definition, invocation, id, label);
        ProcessTree tree = new ProcessTree(process, MARKER_VARIABLE + "=" + id);
        boolean killed = false;
        try {
            closeQuietly(process);
            OutputRows rows = new OutputRows(definition.table(), definition.columns());
            StandardErrorTail stderr = new StandardErrorTail();
            OutputDrain stdoutDrain = OutputDrain.start("command-stdout " + label, process.getInputStream(), MAX_ROW_CHARS, rows);
            OutputDrain stderrDrain = OutputDrain.start("command-stderr " + label, process.getErrorStream(), StandardErrorTail.MAX_CHARS, stderr);
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                int processes = tree.killAll(killGrace);
                killed = true;
                stderrDrain.awaitEnd(System.nanoTime() + READ_AFTER_EXIT.toNanos());
                log.warn("{}: the command passed its timeout of {} and was killed ({} process(es)){}", label, shown(definition.timeout()), processes,
                        stderr.text().isEmpty() ? "" : "; its standard error ended with:\n" + stderr.text());
                throw FleetException.transientFailure(label + ": the command passed its timeout of " + shown(definition.timeout())
                        + " and was killed" + (processes > 1 ? ", with the " + (processes - 1) + " process(es) it started" : "") + "; " + stderr.describe(), null);
            }
            int leftovers = tree.killAll(killGrace); // the program is gone (reaped): only what it left running counts
            killed = true;
            if (leftovers > 0) {
                log.warn("{}: the command exited leaving {} process(es) running; they were killed", label, leftovers);
            }
            long readDeadline = Math.max(deadline, System.nanoTime() + READ_AFTER_EXIT.toNanos());
            if (!stdoutDrain.awaitEnd(readDeadline) || !stderrDrain.awaitEnd(readDeadline)) {
                throw FleetException.transientFailure(label + ": the command exited but its output was not read to its end by its timeout of "
                        + shown(definition.timeout()) + " (a process it started may still hold it open)", null);
            }
            return outcome(label, process.exitValue(), Duration.ofNanos(System.nanoTime() - started), rows, stderr, stdoutDrain);
        }
        catch (InterruptedException e) {
            int processes = tree.killAll(killGrace);
            killed = true;
            Thread.currentThread().interrupt();
            log.info("{}: interrupted after {} ms; the command was killed ({} process(es))", label, Duration.ofNanos(System.nanoTime() - started).toMillis(), processes);
            throw FleetException.transientFailure(label + ": interrupted; the command was killed", e);
        }
        finally {
            if (!killed) {
                tree.killAll(killGrace); // whatever went wrong, no process is left behind
            }
        }
    }

    private Process start(CommandDefinition definition, CommandInvocation invocation, String id, String label)
    {
        List<String> argv = definition.argvFor(invocation.date());
        if (!Files.isDirectory(workingDirectory)) {
            throw FleetException.permanentFailure(label + ": cannot start " + argv.get(0) + ": its working directory " + workingDirectory + " does not exist");
        }
        ProcessBuilder builder = new ProcessBuilder(argv).directory(workingDirectory.toFile());
        Map<String, String> environment = builder.environment();
        environment.putAll(this.environment);
        environment.put("BACKFILL_TABLE", definition.table());
        environment.put("BACKFILL_DATE", invocation.date().toString());
        environment.put("BACKFILL_ATTEMPT", Integer.toString(invocation.attempt()));
        environment.put("BACKFILL_RUN_ID", invocation.runId());
        environment.put(MARKER_VARIABLE, id);
        try {
            return builder.start();
        }
        catch (IOException e) {
            // "Cannot run program "x" (in directory "d"): error=2, No such file or directory": keep what went wrong
            String message = String.valueOf(e.getMessage());
            int reason = message.indexOf("): ");
            throw new FleetException(ErrorClass.PERMANENT, label + ": cannot start " + argv.get(0) + " in working directory " + workingDirectory + ": "
                    + (reason >= 0 ? message.substring(reason + 3) : message)
                    + " (a program is looked up on the worker's PATH, or relative to the working directory when its name has a '/')", e);
        }
    }

    private static CommandOutput outcome(String label, int exitCode, Duration elapsed, OutputRows rows, StandardErrorTail stderr, OutputDrain stdout)
    {
        log.info("{}: the command exited {} after {} ms with {} row(s)", label, exitCode, elapsed.toMillis(), rows.rowCount());
        if (exitCode != 0) {
            if (!stderr.text().isEmpty()) {
                log.warn("{}: the command's standard error ended with:\n{}", label, stderr.text());
            }
            if (exitCode == EXIT_TEMPORARY_FAILURE) {
                throw FleetException.transientFailure(label + ": the command exited " + exitCode + " (temporary failure, retried); " + stderr.describe(), null);
            }
            throw FleetException.permanentFailure(label + ": the command exited " + exitCode + signal(exitCode) + "; " + stderr.describe());
        }
        Optional<Exception> readFailure = stdout.failure();
        if (readFailure.isPresent()) {
            throw FleetException.transientFailure(label + ": reading the command's standard output failed: " + readFailure.get(), readFailure.get());
        }
        if (rows.hasProblems()) {
            log.warn("{}: the command's output does not fit the columns: {}", label, rows.describeProblems());
            throw FleetException.permanentFailure(label + ": the command's output does not fit the table's columns, so nothing is written: "
                    + rows.describeProblems());
        }
        return new CommandOutput(rows.rows(), elapsed);
    }

    private static String signal(int exitCode)
    {
        return exitCode > 128 && exitCode < 128 + 65 ? " (as a process killed by signal " + (exitCode - 128) + " does)" : "";
    }

    private static String shown(Duration duration)
    {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static void closeQuietly(Process process)
    {
        try {
            process.getOutputStream().close();
        }
        catch (IOException e) {
            // the program already closed its end: it reads nothing either way
        }
    }
}
