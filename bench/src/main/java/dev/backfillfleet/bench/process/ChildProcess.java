package dev.backfillfleet.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A child process with its output in a log file, its wall time (start to exit) and its peak
 * resident set size, polled from {@code /proc/PID/status} (VmHWM, the kernel's own high-water
 * mark, so polling misses only what grows in the last poll interval before exit).
 */
public final class ChildProcess
        implements AutoCloseable
{
    private static final Duration RSS_POLL = Duration.ofMillis(20);

    private final ProductCommand command;
    private final Process process;
    private final Path log;
    private final long startNanos;
    private final AtomicLong peakRssKb = new AtomicLong();
    private volatile long endNanos;

    private ChildProcess(ProductCommand command, Process process, Path log, long startNanos)
    {
        this.command = command;
        this.process = process;
        this.log = log;
        this.startNanos = startNanos;
        Thread poller = new Thread(this::pollRss, "rss-" + process.pid());
        poller.setDaemon(true);
        poller.start();
    }

    /**
     * Starts {@code command} with the environment of this process less every {@code BACKFILL_*}
     * and emulator variable (so that a developer's settings do not leak in), plus {@code environment}.
     */
    public static ChildProcess start(ProductCommand command, Map<String, String> environment, Path log)
    {
        ProcessBuilder builder = new ProcessBuilder(command.argv()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BACKFILL_") || name.endsWith("_EMULATOR_HOST") || name.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        try {
            return new ChildProcess(command, builder.start(), log, start);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.display(), e);
        }
    }

    /** Waits for the exit; a process still running after {@code timeout} is killed and this throws. */
    public int waitFor(Duration timeout)
            throws InterruptedException
    {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IllegalStateException(command.display() + " still running after " + timeout.toSeconds() + " s, killed; its output: " + log);
        }
        markEnd();
        return process.exitValue();
    }

    /** SIGTERM: a worker stops pulling, finishes what it holds and exits 0. */
    public void terminate()
    {
        process.destroy();
    }

    public boolean isAlive()
    {
        return process.isAlive();
    }

    public Duration wall()
    {
        return Duration.ofNanos((endNanos == 0 ? System.nanoTime() : endNanos) - startNanos);
    }

    public long peakRssKb()
    {
        return peakRssKb.get();
    }

    public Path log()
    {
        return log;
    }

    public String output()
    {
        try {
            return Files.readString(log);
        }
        catch (IOException e) {
            return "";
        }
    }

    public ProductCommand command()
    {
        return command;
    }

    @Override
    public void close()
    {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private synchronized void markEnd()
    {
        if (endNanos == 0) {
            endNanos = System.nanoTime();
        }
    }

    private void pollRss()
    {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (process.isAlive()) {
            readHighWaterMark(status);
            try {
                Thread.sleep(RSS_POLL.toMillis());
            }
            catch (InterruptedException e) {
                return;
            }
        }
        markEnd();
    }

    private void readHighWaterMark(Path status)
    {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    peakRssKb.accumulateAndGet(kb, Math::max);
                }
            }
        }
        catch (IOException | NumberFormatException e) {
            // the process exited between the check and the read (or there is no /proc): keep the last reading
        }
    }
}
