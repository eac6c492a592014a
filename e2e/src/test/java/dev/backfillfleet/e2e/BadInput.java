package dev.backfillfleet.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One bad input and what must come of it: the exit code, the words the last line of stderr must
 * hold (what is wrong, where, what to do), and whether the home must be left byte for byte as it was.
 * Arguments may name {@code {home}} and {@code {files}} (a directory outside the home for input files).
 */
final class BadInput
{
    enum Where { COMMAND_LINE, CONFIGURATION, FILES, MESSAGES, ENVIRONMENT }

    /** What runs it: a verb in this JVM (cheap), or a real process (for environment variables). */
    enum Runner { COORDINATOR, WORKER, COORDINATOR_PROCESS, WORKER_PROCESS }

    @FunctionalInterface
    interface Preparation
    {
        /** Makes the fault in {@code home} or {@code files}; returns the home to run against. */
        Path prepare(Path home, Path files)
                throws IOException;
    }

    final Where where;
    final String name;
    final Runner runner;
    final List<String> args;
    final Map<String, String> environment = new LinkedHashMap<>();
    final List<String> lastLineHolds = new ArrayList<>();
    final List<String> neverShown = new ArrayList<>();
    int exitCode;
    Preparation preparation = (home, files) -> home;
    boolean changesNothing = true;
    boolean oneLine = true;
    boolean verboseAddsTrace = true;

    private BadInput(Where where, String name, Runner runner, String... args)
    {
        this.where = requireNonNull(where, "where is null");
        this.name = requireNonNull(name, "name is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.args = List.of(args);
    }

    static BadInput coordinator(Where where, String name, String... args)
    {
        return new BadInput(where, name, Runner.COORDINATOR, args);
    }

    static BadInput worker(Where where, String name, String... args)
    {
        return new BadInput(where, name, Runner.WORKER, args);
    }

    static BadInput coordinatorProcess(Where where, String name, String... args)
    {
        return new BadInput(where, name, Runner.COORDINATOR_PROCESS, args);
    }

    static BadInput workerProcess(Where where, String name, String... args)
    {
        return new BadInput(where, name, Runner.WORKER_PROCESS, args);
    }

    /** The exit code and the words the last line of stderr must hold. */
    BadInput exits(int code, String... holds)
    {
        this.exitCode = code;
        this.lastLineHolds.addAll(List.of(holds));
        return this;
    }

    /** Words that must appear nowhere in what it prints (a secret). */
    BadInput hides(String... secrets)
    {
        this.neverShown.addAll(List.of(secrets));
        return this;
    }

    BadInput given(Preparation value)
    {
        this.preparation = value;
        return this;
    }

    BadInput env(String... keysAndValues)
    {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            environment.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return this;
    }

    /** The command is meant to write (e.g. it records before it fails): the home is not compared. */
    BadInput writes()
    {
        this.changesNothing = false;
        return this;
    }

    /** A list of problems, reported together: more than one line, the last one a problem with its place. */
    BadInput lists()
    {
        this.oneLine = false;
        return this;
    }

    /** Refused by the command-line parser, before any code of ours ran: there is no stack trace to show. */
    BadInput parserRefuses()
    {
        this.verboseAddsTrace = false;
        return this;
    }

    boolean inProcess()
    {
        return runner == Runner.COORDINATOR || runner == Runner.WORKER;
    }

    List<String> arguments(Path home, Path files)
    {
        return args.stream().map(arg -> arg.replace("{home}", home.toString()).replace("{files}", files.toString())).toList();
    }

    @Override
    public String toString()
    {
        return where + ": " + name;
    }
}
