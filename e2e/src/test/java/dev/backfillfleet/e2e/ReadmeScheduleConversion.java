package dev.backfillfleet.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The README's "Import real data" conversion of the real schedule file, run as written (with the
 * file's path for {@code ../shared/data/...}): what a reader following the walkthrough imports.
 */
final class ReadmeScheduleConversion
{
    private static final String SOURCE = "../shared/data/" + RealSchedule.FILE;
    private static final String OUTPUT = "nbac_schedule.csv";

    private ReadmeScheduleConversion() {}

    /** Runs the README's awk command on {@code source} in {@code directory}; returns the file it writes. */
    static Path run(Path source, Path directory)
    {
        String command = command().replace(SOURCE, source.toString());
        try {
            Process process = new ProcessBuilder("bash", "-c", command).directory(directory.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("the README's conversion failed: " + output);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return directory.resolve(OUTPUT);
    }

    /** The README's lines from {@code awk} to the one that writes nbac_schedule.csv. */
    static String command()
    {
        Path moduleDirectory = Path.of("").toAbsolutePath();
        Path readme = (Files.exists(moduleDirectory.resolve("README.md")) ? moduleDirectory : moduleDirectory.getParent()).resolve("README.md");
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int first = -1;
        for (int index = 0; index < lines.size(); index++) {
            if (first < 0 && lines.get(index).startsWith("awk ") && lines.get(index).contains("loaded=")) {
                first = index;
            }
            if (first >= 0 && lines.get(index).contains(SOURCE + " > " + OUTPUT)) {
                return String.join("\n", lines.subList(first, index + 1));
            }
        }
        throw new IllegalStateException("no awk conversion of " + SOURCE + " into " + OUTPUT + " in " + readme);
    }
}
