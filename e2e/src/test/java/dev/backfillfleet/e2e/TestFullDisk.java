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
import java.util.List;
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
        Path out = scratch.resolve("run-1.out");
        Path err = scratch.resolve("run-1.err");
        Process run = JavaProcesses.start(StandaloneMain.class, environment, out, err, "run", "--table", "synthetic", "--range", RANGE.toString(), "--workers", "4");
        awaitSucceeded(home, 50, run);
        Path filler = fill(disk);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the run stops instead of hanging").isTrue();
        String errors = Files.readString(err);
        assertThat(run.exitValue()).as(errors).isEqualTo(ExitCodes.ENVIRONMENT);
        System.out.println("e2e: TestFullDisk stderr:\n" + errors);
        assertThat(errors.strip().lines()).as("one line on stderr for the fault, not one per date").hasSize(1);
        String last = errors.strip();
        assertThat(last).as("the line names the file and the fix").startsWith("error: ").contains(home.toString()).contains("full");
        assertThat(counts(home)).as("a full disk fails no date").doesNotContainKey(DateState.FAILED);

        Files.delete(filler);
        Process again = JavaProcesses.start(StandaloneMain.class, Map.of("BACKFILL_HOME", home.toString(), "BACKFILL_SYNTHETIC_LATENCY_MS", "0"),
                scratch.resolve("run-2.log"), "run", "--table", "synthetic", "--range", RANGE.toString(), "--workers", "8");
        assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(again.exitValue()).as(Files.readString(scratch.resolve("run-2.log"))).isZero();
        assertThat(counts(home)).containsOnlyKeys(DateState.SUCCEEDED).containsEntry(DateState.SUCCEEDED, (long) RANGE.size());
    }

    @Test
    void aRunOnAFreshHomeWhoseDiskFillsWhileTheDemoLeagueIsSeededSaysSoInOneLine()
            throws Exception
    {
        Path home = disk.resolve("fresh");
        // leave the demo league about 3 MB: its first tables fit, the rest does not
        Path filler = fillLeaving(disk, 3 * 1024 * 1024);
        Path out = scratch.resolve("fresh.out");
        Path err = scratch.resolve("fresh.err");
        Process run = JavaProcesses.start(StandaloneMain.class, Map.of("BACKFILL_HOME", home.toString()), out, err,
                "run", "--table", "team_offense", "--range", "2024-10-22..2024-11-30", "--workers", "4");
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).as("the run stops instead of hanging").isTrue();
        String errors = Files.readString(err);
        System.out.println("e2e: TestFullDisk fresh home stderr:\n" + errors);
        assertThat(run.exitValue()).as(errors).isEqualTo(ExitCodes.ENVIRONMENT);
        // the demo league's seeding says what it does, once per table; the fault is said once, on the last line
        List<String> lines = errors.strip().lines().toList();
        assertThat(lines).as("nothing said twice").doesNotHaveDuplicates();
        assertThat(lines.subList(0, lines.size() - 1)).as("before the error, only the seeding's progress")
                .allSatisfy(line -> assertThat(line).startsWith("Seeding the demo league's "));
        assertThat(lines.get(lines.size() - 1)).startsWith("error: ").contains(home.toString()).contains("full");
        Files.delete(filler);
    }

    /** Writes a file until only {@code leave} bytes of the disk are free. */
    private static Path fillLeaving(Path disk, long leave)
            throws IOException
    {
        Path filler = disk.resolve("filler");
        long toWrite = Files.getFileStore(disk).getUsableSpace() - leave;
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long written = 0; written < toWrite; written += block.length) {
                out.write(block);
            }
        }
        return filler;
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
