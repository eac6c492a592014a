package dev.backfillfleet.e2e;

import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.standalone.StandaloneMain;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A disk that fills up while a backfill runs, on a small tmpfs mounted for the test (it needs
 * root and a kernel that lets it mount; it is skipped, saying so, elsewhere): the run stops with
 * one line and exit 3 instead of hanging, marks no date FAILED, and once there is room the same
 * command finishes every date.
 */
class TestFullDisk
{
    private static final DateRange RANGE = DateRange.of(LocalDate.parse("2000-01-01"), LocalDate.parse("2003-12-31"));

    @TempDir
    Path scratch;
    private Path disk;

    @BeforeEach
    void mountASmallDisk()
            throws Exception
    {
        disk = scratch.resolve("disk");
        Files.createDirectories(disk);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", disk.toString()).redirectErrorStream(true).start();
        boolean mounted = mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0;
        if (!mounted) {
            String reason = "cannot mount a tmpfs here (needs root and mount rights): " + new String(mount.getInputStream().readAllBytes()).trim();
            System.out.println("e2e: TestFullDisk SKIPPED: " + reason);
            assumeTrue(false, reason);
        }
    }

    @AfterEach
    void unmount()
            throws Exception
    {
        if (disk != null) {
            new ProcessBuilder("umount", disk.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRunOnADiskThatFillsUpStopsWithOneLineAndFinishesOnceThereIsRoom()
            throws Exception
    {
        Path home = disk.resolve("home");
        Map<String, String> environment = Map.of("BACKFILL_HOME", home.toString(), "BACKFILL_SYNTHETIC_LATENCY_MS", "20");
        Path log = scratch.resolve("run-1.log");
        Process run = JavaProcesses.start(StandaloneMain.class, environment, log, "run", "--table", "synthetic", "--range", RANGE.toString(), "--workers", "4");
        awaitSucceeded(home, 50, run);
        Path filler = fill(disk);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the run stops instead of hanging").isTrue();
        String output = Files.readString(log);
        assertThat(run.exitValue()).as(output).isEqualTo(ExitCodes.ENVIRONMENT);
        String last = output.strip().lines().reduce((first, second) -> second).orElseThrow();
        assertThat(last).as("the last line names the file and the fix").startsWith("error: ").contains(home.toString()).contains("full");
        System.out.println("e2e: TestFullDisk: " + last);
        assertThat(counts(home)).as("a full disk fails no date").doesNotContainKey(DateState.FAILED);

        Files.delete(filler);
        Process again = JavaProcesses.start(StandaloneMain.class, Map.of("BACKFILL_HOME", home.toString(), "BACKFILL_SYNTHETIC_LATENCY_MS", "0"),
                scratch.resolve("run-2.log"), "run", "--table", "synthetic", "--range", RANGE.toString(), "--workers", "8");
        assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(again.exitValue()).as(Files.readString(scratch.resolve("run-2.log"))).isZero();
        assertThat(counts(home)).containsOnlyKeys(DateState.SUCCEEDED).containsEntry(DateState.SUCCEEDED, (long) RANGE.size());
    }

    /** Writes a file until the disk refuses another byte. */
    private static Path fill(Path disk)
            throws IOException
    {
        Path filler = disk.resolve("filler");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        }
        catch (IOException e) {
            // No space left on device: the disk is full
        }
        return filler;
    }

    private static void awaitSucceeded(Path home, long count, Process run)
    {
        Eventually.await(count + " dates done", Duration.ofMinutes(1), Duration.ofMillis(50), () -> {
            assertThat(run.isAlive()).as("the run is running").isTrue();
            return counts(home).getOrDefault(DateState.SUCCEEDED, 0L) >= count;
        });
    }

    private static Map<DateState, Long> counts(Path home)
    {
        try (TransitioningStateStore store = new TransitioningStateStore(SqliteStateStorage.openReadOnly(home.resolve("state.db"), Clock.systemUTC()))) {
            return store.countByState(AnalyticsTable.SYNTHETIC, Optional.of(RANGE));
        }
    }
}
