package dev.backfillfleet.standalone;

import dev.backfillfleet.coordinator.CoordinatorMain;
import picocli.CommandLine;

import java.util.List;

/**
 * The coordinator as {@code bin/coordinator} and the coordinator image run it: every verb of the
 * coordinator and {@code run}, the embedded one-shot that plans and runs a worker in this process.
 * It is an assembly of the coordinator and the worker, which know nothing of each other.
 */
public final class StandaloneMain
{
    private StandaloneMain() {}

    public static void main(String[] args)
    {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine()
    {
        return CoordinatorMain.commandLine(List.of(new RunCommand()));
    }
}
