package dev.backfillfleet.worker.command;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * A program and every process it started. Its descendants are found through
 * {@link ProcessHandle#descendants()} while it runs; a process that left the tree (its parent
 * exited, so it was re-parented to init) is found by the marker variable that the runner put in
 * the program's environment and that every process it starts inherits, read from
 * {@code /proc/PID/environ} (Linux; elsewhere only the tree is found). Killing is SIGTERM to all,
 * a grace period, then SIGKILL to what is left, repeated while new processes turn up (one that
 * forked while the others were being killed). A zombie counts as gone: it runs nothing and holds
 * no file open, and only its parent (init, for an orphan) can reap it.
 */
final class ProcessTree
{
    private static final Path PROC = Path.of("/proc");
    private static final int KILL_ROUNDS = 3;
    private static final Duration FORCED_EXIT_WAIT = Duration.ofSeconds(5);
    private static final Duration EXIT_POLL = Duration.ofMillis(10);

    private final Process program;
    private final byte[] marker;

    /** {@code marker} is the {@code NAME=value} entry every process of this tree carries in its environment. */
    ProcessTree(Process program, String marker)
    {
        this.program = program;
        this.marker = marker.getBytes(US_ASCII);
    }

    /**
     * Kills the program, its descendants and any process carrying the marker, and waits until they
     * are gone; returns how many there were. Keeps the calling thread's interrupt status, and is
     * not cut short by it: a process must not outlive the call.
     */
    int killAll(Duration grace)
    {
        boolean interrupted = Thread.interrupted();
        try {
            Map<Long, ProcessHandle> killed = new LinkedHashMap<>();
            for (int round = 0; round < KILL_ROUNDS; round++) {
                List<ProcessHandle> alive = members().stream().filter(ProcessTree::running).toList();
                if (alive.isEmpty()) {
                    break;
                }
                alive.forEach(process -> killed.put(process.pid(), process));
                interrupted |= kill(alive, grace);
            }
            return killed.size();
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The program first (if alive), then its descendants (found while it is alive), then any other
     * process carrying the marker. Once the program has exited its children were re-parented, so
     * they are no longer its descendants and only the marker finds them: walking the tree then
     * (a read of every process's /proc/PID/stat) would find nothing, at about a third of the
     * search's cost (bin/bench kinds, docs/benchmarks.md).
     */
    private List<ProcessHandle> members()
    {
        Map<Long, ProcessHandle> members = new LinkedHashMap<>();
        ProcessHandle root = program.toHandle();
        members.put(root.pid(), root);
        if (program.isAlive()) {
            program.descendants().forEach(process -> members.put(process.pid(), process));
        }
        carryingMarker().forEach(process -> members.putIfAbsent(process.pid(), process));
        return List.copyOf(members.values());
    }

    /** SIGTERM, up to {@code grace} to exit, then SIGKILL; returns whether the thread was interrupted meanwhile. */
    private static boolean kill(List<ProcessHandle> processes, Duration grace)
    {
        processes.forEach(ProcessHandle::destroy);
        boolean interrupted = awaitExit(processes, grace);
        List<ProcessHandle> survivors = processes.stream().filter(ProcessTree::running).toList();
        survivors.forEach(ProcessHandle::destroyForcibly);
        return awaitExit(survivors, FORCED_EXIT_WAIT) || interrupted;
    }

    /**
     * Waits until none of {@code processes} runs, or {@code timeout}. Nothing signals the exit of a
     * process that is not the worker's child (a grandchild, or one re-parented to init), so this
     * looks every {@link #EXIT_POLL}; {@link ProcessHandle#onExit} polls too, but from 300 ms, and
     * waits for the zombie to be reaped, which an init that is slow to reap (or a JVM that is
     * itself PID 1 in a container, which never reaps it) delays indefinitely.
     */
    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout)
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        while (processes.stream().anyMatch(ProcessTree::running) && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(EXIT_POLL.toMillis());
            }
            catch (InterruptedException e) {
                interrupted = true; // finish killing: the caller restores the interrupt
            }
        }
        return interrupted;
    }

    /** Alive and not a zombie: a process that exited and waits for its parent to reap it runs nothing and holds nothing open. */
    static boolean running(ProcessHandle process)
    {
        if (!process.isAlive()) {
            return false;
        }
        if (!Files.isDirectory(PROC)) {
            return true;
        }
        try {
            // "PID (COMMAND) STATE ...": the command may hold spaces and parentheses, the state follows the last ')'
            String stat = Files.readString(PROC.resolve(process.pid() + "/stat"), US_ASCII);
            int commandEnd = stat.lastIndexOf(')');
            return commandEnd < 0 || commandEnd + 2 >= stat.length() || stat.charAt(commandEnd + 2) != 'Z';
        }
        catch (IOException e) {
            return false; // gone since isAlive
        }
    }

    private List<ProcessHandle> carryingMarker()
    {
        if (!Files.isDirectory(PROC)) {
            return List.of();
        }
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> carrying = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
            for (Path entry : entries) {
                long pid = pid(entry.getFileName().toString());
                if (pid > 0 && pid != self && carriesMarker(entry)) {
                    ProcessHandle.of(pid).ifPresent(carrying::add);
                }
            }
        }
        catch (IOException e) {
            // /proc unreadable: the tree itself is still found through descendants()
        }
        return carrying;
    }

    private boolean carriesMarker(Path processDirectory)
    {
        byte[] environment;
        try {
            environment = Files.readAllBytes(processDirectory.resolve("environ"));
        }
        catch (IOException | SecurityException e) {
            return false; // gone, or another user's
        }
        return containsEntry(environment, marker);
    }

    /** Whether the NUL-separated {@code environment} has exactly the entry {@code entry}. */
    static boolean containsEntry(byte[] environment, byte[] entry)
    {
        int start = 0;
        while (start < environment.length) {
            int end = start;
            while (end < environment.length && environment[end] != 0) {
                end++;
            }
            if (end - start == entry.length && Arrays.equals(environment, start, end, entry, 0, entry.length)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static long pid(String name)
    {
        if (name.isEmpty() || name.length() > 18) {
            return -1;
        }
        for (int index = 0; index < name.length(); index++) {
            if (!Character.isDigit(name.charAt(index))) {
                return -1;
            }
        }
        return Long.parseLong(name);
    }
}
