package dev.backfillfleet.coordinator;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.inject.Configurations;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.TableRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code coordinator doctor} on real homes: a healthy one, and one each with a corrupt state.db, a
 * lost queue file, a date left RUNNING by a dead worker and a half-written demo seed. Each time
 * the exit code, the lines it prints, and that it changed no byte of the home.
 */
class TestDoctorCommand
{
    @TempDir
    static Path template;

    @TempDir
    Path home;

    private Map<String, String> before;

    /**
     * A home as a run leaves it, made without a worker: the dates enqueued (queue.db holds their
     * messages) and then done, and the three raw tables team_offense reads seeded on first use.
     */
    @BeforeAll
    static void aHomeThatHasRun()
    {
        CoordinatorCli cli = new CoordinatorCli(template);
        assertThat(cli.run("enqueue", "--table", "team_offense", "--dates", "2024-11-01").exitCode()).isZero();
        assertThat(cli.run("enqueue", "--table", "synthetic", "--range", "2024-01-01..2024-01-05").exitCode()).isZero();
        try (KnownStates states = KnownStates.in(template)) {
            states.succeeded(AnalyticsTable.TEAM_OFFENSE, KnownStates.range("2024-11-01", "2024-11-01"), 48, Duration.ofMillis(40));
            states.succeeded(AnalyticsTable.SYNTHETIC, KnownStates.range("2024-01-01", "2024-01-05"), 1, Duration.ofMillis(40));
        }
        try (FleetConnection fleet = FleetConnection.readWrite(Configurations.of(Map.of("backfill.home", template.toString())))) {
            for (TableRef raw : List.of(RawTables.SCHEDULE, RawTables.TEAM_BOXSCORE, RawTables.GAMEBOOK_PLAYER_STATS)) {
                fleet.warehouse().read(raw, DateRange.single(LocalDate.parse("2024-11-01")));
            }
        }
    }

    @BeforeEach
    void copyOfTheTemplate()
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(template)) {
            for (Path path : paths.toList()) {
                Path target = home.resolve(template.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(path, target);
                }
            }
        }
    }

    @Test
    void aHealthyHomeIsWellAndExitsZero()
    {
        CoordinatorCli.Result result = doctor();

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out())
                .contains("Checked home " + home.toAbsolutePath().normalize())
                .contains("ok           state.db: intact (PRAGMA quick_check)")
                .contains("ok           queue.db: intact (PRAGMA quick_check)")
                .contains("ok           warehouse.db: intact (PRAGMA quick_check)")
                .contains("ok           queued dates: every QUEUED date has its message")
                .contains("ok           running dates: every RUNNING date has a live lease")
                .contains("ok           demo seed: 3 of " + RawTables.all().size() + " raw tables seeded completely")
                .endsWith("All is well.\n")
                .doesNotContain("PROBLEM");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void aCorruptStateFileIsNamedWithTheMendAndTheChecksThatNeedItAreSkipped()
            throws IOException
    {
        byte[] garbage = new byte[32_768];
        new Random(14).nextBytes(garbage);
        Files.write(home.resolve("state.db"), garbage);
        before = HomeFiles.snapshot(home);

        CoordinatorCli.Result result = doctor();

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.out())
                .contains("PROBLEM      state.db: not a readable SQLite database ([SQLITE_NOTADB]")
                .contains("mend: move it aside: mv " + home.resolve("state.db") + " " + home.resolve("state.db.corrupt"))
                .contains("ok           queue.db: intact")
                .contains("note         queued and running dates: not checked: state.db cannot be read (above)")
                .contains("1 problem(s): run the mend below each, then coordinator doctor --home " + home + " again.");
        assertThat(HomeFiles.snapshot(home)).isEqualTo(before);
    }

    @Test
    void datesQueuedWhoseQueueFileWasDeletedAreListedWithTheEnqueueThatRepublishesThem()
            throws IOException
    {
        CoordinatorCli cli = new CoordinatorCli(home);
        assertThat(cli.run("enqueue", "--table", "synthetic", "--dates", "2024-03-01..2024-03-03,2024-03-07").exitCode()).isZero();
        Files.delete(home.resolve("queue.db"));
        before = HomeFiles.snapshot(home);

        CoordinatorCli.Result result = doctor();

        String mend = "coordinator enqueue --table synthetic --dates 2024-03-01..2024-03-03,2024-03-07 --home " + home;
        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.out())
                .contains("ok           queue.db: not created yet")
                .contains("PROBLEM      synthetic: queued dates: 4 QUEUED date(s) without a message in queue.db, so no worker will run them:"
                        + " 2024-03-01..2024-03-03, 2024-03-07")
                .contains("mend: " + mend);
        assertThat(HomeFiles.snapshot(home)).isEqualTo(before);

        // the mend is a command that works: pasted, it republishes, and then all is well
        String[] words = mend.substring("coordinator ".length(), mend.indexOf(" --home")).split(" ");
        assertThat(cli.run(words).exitCode()).isZero();
        before = null;
        CoordinatorCli.Result after = doctor();
        assertThat(after.exitCode()).as(after.out()).isZero();
        assertThat(after.out()).contains("every QUEUED date has its message");
    }

    @Test
    void runningDatesWhoseLeaseExpiredAreListedWithWhatReclaimsThem()
    {
        try (KnownStates states = KnownStates.in(home)) {
            states.abandoned(AnalyticsTable.SYNTHETIC, KnownStates.range("2024-02-10", "2024-02-11"));
        }
        before = HomeFiles.snapshot(home);

        CoordinatorCli.Result result = doctor();

        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.out())
                .contains("PROBLEM      synthetic: running dates: 2 RUNNING date(s) whose lease expired (worker dead-worker-1 stopped renewing it):"
                        + " 2024-02-10..2024-02-11; 2 of them have no message in queue.db, so nothing will reclaim them")
                .contains("mend: coordinator enqueue --table synthetic --dates 2024-02-10..2024-02-11 --home " + home);
        assertThat(HomeFiles.snapshot(home)).isEqualTo(before);
    }

    @Test
    void aTableWithRowsButNoSeedMarkerIsAHalfWrittenSeed()
            throws IOException
    {
        Path marker = home.resolve("warehouse.seeded").resolve(RawTables.SCHEDULE.toString());
        assertThat(marker).exists();
        Files.delete(marker);
        before = HomeFiles.snapshot(home);

        CoordinatorCli.Result result = doctor();

        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.out())
                .contains("PROBLEM      demo seed: nba_raw.nbac_schedule: has rows but no marker " + marker + ": its seed was interrupted part-way")
                .contains("mend: coordinator demo-data --home " + home)
                .doesNotContain("nba_raw.nbac_team_boxscore: has rows");
        assertThat(HomeFiles.snapshot(home)).isEqualTo(before);
    }

    @Test
    void aHomeThatDoesNotExistIsWellAndIsNotCreated()
    {
        Path nowhere = home.resolve("not-yet");
        CoordinatorCli.Result result = new CoordinatorCli(nowhere).run("doctor");

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out()).contains("state.db: not created yet").endsWith("All is well.\n");
        assertThat(nowhere).doesNotExist();
    }

    private CoordinatorCli.Result doctor()
    {
        before = before == null ? HomeFiles.snapshot(home) : before;
        CoordinatorCli.Result result = new CoordinatorCli(home).run("doctor");
        assertThat(HomeFiles.snapshot(home)).as("the home after doctor").isEqualTo(before);
        return result;
    }
}
