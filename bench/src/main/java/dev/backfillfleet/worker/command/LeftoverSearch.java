package dev.backfillfleet.worker.command;

/**
 * For the benchmark only: the search {@link CommandRunner} makes after every program exits, for
 * processes the program left running ({@link ProcessTree#killAll}: the program's descendants and
 * a scan of every process's environment in /proc for the marker), timed on its own. It lives in
 * the runner's package because the tree is the runner's own business, not an API.
 */
public final class LeftoverSearch
{
    private LeftoverSearch() {}

    /** How long the search takes for {@code exited}, a program started with {@code MARKER_VARIABLE=marker} that has exited; returns nanoseconds. */
    public static long timeAfterExit(Process exited, String marker)
    {
        long start = System.nanoTime();
        int left = new ProcessTree(exited, CommandRunner.MARKER_VARIABLE + "=" + marker).killAll(CommandRunner.DEFAULT_KILL_GRACE);
        long elapsed = System.nanoTime() - start;
        if (left != 0) {
            throw new IllegalStateException("the program left " + left + " process(es) running; the benchmark's program must not");
        }
        return elapsed;
    }
}
