package dev.backfillfleet.e2e;

import dev.backfillfleet.standalone.StandaloneMain;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts real JVM processes of our main classes with this test's class path. */
final class JavaProcesses
{
    private JavaProcesses() {}

    /** A process that ended: its exit code and everything it printed. */
    record Finished(int exitCode, String output) {}

    /** Runs a coordinator verb (the standalone assembly) to its end, within 2 minutes, its output in {@code log}. */
    static Finished coordinator(Map<String, String> environment, Path log, String... args)
            throws IOException, InterruptedException
    {
        Process process = start(StandaloneMain.class, environment, log, args);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("coordinator %s ended within 2 minutes", String.join(" ", args)).isTrue();
        return new Finished(process.exitValue(), Files.readString(log));
    }

    /** {@link #coordinator}, which must exit 0; returns what it printed. */
    static String coordinatorSucceeds(Map<String, String> environment, Path log, String... args)
            throws IOException, InterruptedException
    {
        Finished finished = coordinator(environment, log, args);
        assertThat(finished.exitCode()).as("coordinator %s: %s", String.join(" ", args), finished.output()).isZero();
        return finished.output();
    }

    static Process start(Class<?> mainClass, Map<String, String> environment, Path log, String... args)
            throws IOException
    {
        ProcessBuilder builder = builder(mainClass, environment, args).redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

    /** With stdout and stderr in files of their own, for tests of what a process says on stderr. */
    static Process start(Class<?> mainClass, Map<String, String> environment, Path out, Path err, String... args)
            throws IOException
    {
        return builder(mainClass, environment, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    private static ProcessBuilder builder(Class<?> mainClass, Map<String, String> environment, String... args)
    {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return builder;
    }

    static String classPathSummary()
    {
        return System.getProperty("java.class.path").split(File.pathSeparator).length + " class path entries";
    }
}
