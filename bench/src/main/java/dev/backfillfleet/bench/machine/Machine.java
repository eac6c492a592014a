package dev.backfillfleet.bench.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine the figures were measured on. */
public record Machine(int cores, long memoryBytes, String cpuModel, String os, String kernel)
{
    public static Machine describe()
    {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                procField("/proc/meminfo", "MemTotal").map(value -> Long.parseLong(value.replaceAll("[^0-9]", "")) * 1024).orElse(-1L),
                procField("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
                osRelease().orElse(System.getProperty("os.name")),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    /** The 1, 5 and 15 minute load averages now, as {@code uptime} shows them. */
    public static String loadAverage()
    {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        }
        catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Optional<String> procField(String file, String name)
    {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(line -> line.startsWith(name))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> osRelease()
    {
        try {
            return Files.readAllLines(Path.of("/etc/os-release")).stream()
                    .filter(line -> line.startsWith("PRETTY_NAME="))
                    .map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
                    .findFirst();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }
}
