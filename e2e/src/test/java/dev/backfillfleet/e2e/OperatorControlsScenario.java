package dev.backfillfleet.e2e;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.testing.Eventually;
import dev.backfillfleet.worker.WorkerMain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's checks with real processes, on whatever backend the environment names: worker JVMs
 * and coordinator JVMs sharing one state store and queue (the embedded warehouse in
 * {@code home}), read by the test through {@code store}. The synthetic table waits
 * {@value #LATENCY_MS} ms per date, so that dates are caught running.
 */
final class OperatorControlsScenario
        implements AutoCloseable
{
    static final int LATENCY_MS = 500;
    /** A pause is seen by every worker within 3 s (PausedTables' view); a little more for the claim in flight. */
    private static final Duration PAUSE_REACHES_WORKERS = Duration.ofSeconds(4);
    private static final Pattern QUEUED = Pattern.compile("queued (\\d+) dates");

    private final Path home;
    private final Map<String, String> environment;
    private final StateStore store;
    private final List<Process> workers = new ArrayList<>();
    private int coordinatorRuns;

    OperatorControlsScenario(Path home, Map<String, String> environment, StateStore store)
    {
        this.home = home;
        this.environment = Map.copyOf(environment);
        this.store = store;
    }

    void startWorkers(int count, int concurrency)
            throws IOException
    {
        for (int i = 0; i < count; i++) {
            workers.add(JavaProcesses.start(WorkerMain.class, environment, home.resolve("worker-" + workers.size() + ".log"),
                    "--concurrency", Integer.toString(concurrency), "--grace-seconds", "5"));
        }
    }

    /**
     * Cancel half way: no date starts after the cancel, none is left running, SUCCEEDED and
     * CANCELLED add up to every date, and an enqueue of the same range runs exactly the
     * cancelled ones (and not one done date again).
     */
    void cancelHalfWay(DateRange range)
            throws Exception
    {
        AnalyticsTable synthetic = AnalyticsTable.SYNTHETIC;
        assertThat(coordinator("enqueue", "--table", "synthetic", "--range", range.toString())).contains("queued " + range.size() + " dates");
        await("a fifth of the dates done", Duration.ofMinutes(2), () -> count(synthetic, range, DateState.SUCCEEDED) >= range.size() / 5);

        String cancel = coordinator("cancel", "--table", "synthetic", "--range", range.toString());
        Instant cancelled = Instant.now();
        assertThat(cancel).contains("finishing first").contains("cancelled: ");
        await("nothing queued or running", Duration.ofMinutes(1),
                () -> count(synthetic, range, DateState.QUEUED) + count(synthetic, range, DateState.RUNNING) == 0);

        List<DateRecord> records = store.list(synthetic, Optional.of(range), Set.of());
        Map<DateState, Long> counts = records.stream().collect(Collectors.groupingBy(DateRecord::state, Collectors.counting()));
        System.out.println("scenario: cancel half way through " + range.size() + " dates: " + counts);
        assertThat(records).hasSize(range.size()).allSatisfy(record -> assertThat(record.state()).isIn(DateState.SUCCEEDED, DateState.CANCELLED));
        assertThat(counts.get(DateState.SUCCEEDED)).as("done before the cancel, or running then").isBetween(range.size() / 5L, range.size() - 1L);
        assertThat(records).filteredOn(record -> record.state() == DateState.SUCCEEDED).allSatisfy(record -> {
            assertThat(record.startedAt().orElseThrow()).as("no date starts after the cancel: %s", record.key()).isBeforeOrEqualTo(cancelled);
            assertThat(record.attempts()).isEqualTo(1);
        });
        assertThat(records).filteredOn(record -> record.state() == DateState.CANCELLED)
                .allSatisfy(record -> assertThat(record.attempts()).as("a cancelled date never started: %s", record.key()).isZero());

        Map<DateKey, DateRecord> doneBefore = records.stream().filter(record -> record.state() == DateState.SUCCEEDED)
                .collect(Collectors.toMap(DateRecord::key, Function.identity()));
        String enqueue = coordinator("enqueue", "--table", "synthetic", "--range", range.toString());
        assertThat(queued(enqueue)).as("exactly the cancelled dates: %s", enqueue).isEqualTo(counts.get(DateState.CANCELLED));
        await("every date done", Duration.ofMinutes(2), () -> count(synthetic, range, DateState.SUCCEEDED) == range.size());
        assertThat(store.list(synthetic, Optional.of(range), Set.of())).allSatisfy(record -> {
            assertThat(record.attempts()).as("processed once: %s", record.key()).isEqualTo(1);
            if (doneBefore.containsKey(record.key())) {
                assertThat(record.startedAt()).as("a done date is not run again: %s", record.key()).isEqualTo(doneBefore.get(record.key()).startedAt());
            }
        });
        assertOneRowPerDate(range);
    }

    /**
     * Pause while workers run: within a few seconds no new date of the paused table starts while
     * another table goes on to the end; resume finishes it, and every date ran once, so the pause
     * used no attempt.
     */
    void pauseWhileWorkersRun(DateRange syntheticDates, DateRange teamOffenseDates, Duration observeFor)
            throws Exception
    {
        AnalyticsTable synthetic = AnalyticsTable.SYNTHETIC;
        AnalyticsTable other = AnalyticsTable.TEAM_OFFENSE;
        coordinator("enqueue", "--table", "synthetic", "--range", syntheticDates.toString());
        await("some synthetic dates done", Duration.ofMinutes(2), () -> count(synthetic, syntheticDates, DateState.SUCCEEDED) >= 8);

        assertThat(coordinator("pause", "--table", "synthetic")).contains("Paused synthetic");
        Instant paused = Instant.now();
        // the other table is queued once synthetic is paused: all of it runs during the pause
        coordinator("enqueue", "--table", "team_offense", "--range", teamOffenseDates.toString());
        assertThat(coordinator("status", "--table", "synthetic")).contains("PAUSED");
        await("team_offense done while synthetic is paused, and " + observeFor + " passed", Duration.ofMinutes(2),
                () -> terminal(other, teamOffenseDates) == teamOffenseDates.size() && Instant.now().isAfter(paused.plus(observeFor)));

        List<DateRecord> synthetics = store.list(synthetic, Optional.of(syntheticDates), Set.of());
        Instant latestStart = synthetics.stream().flatMap(record -> record.startedAt().stream()).max(Instant::compareTo).orElseThrow();
        long waiting = synthetics.stream().filter(record -> record.state() == DateState.QUEUED).count();
        System.out.println("scenario: paused at " + paused + ", last synthetic start " + latestStart + ", " + waiting + " dates waiting, team_offense "
                + store.countByState(other, Optional.of(teamOffenseDates)));
        assertThat(latestStart).as("no synthetic date starts once the pause reached the workers").isBefore(paused.plus(PAUSE_REACHES_WORKERS));
        assertThat(waiting).as("synthetic dates wait").isGreaterThanOrEqualTo(syntheticDates.size() / 4);
        assertThat(store.countByState(other, Optional.of(teamOffenseDates))).as("the other table went on").doesNotContainKeys(DateState.QUEUED, DateState.RUNNING,
                DateState.FAILED);

        assertThat(coordinator("resume", "--table", "synthetic")).contains("Resumed synthetic");
        await("synthetic done after the resume", Duration.ofMinutes(2), () -> count(synthetic, syntheticDates, DateState.SUCCEEDED) == syntheticDates.size());
        assertThat(store.list(synthetic, Optional.of(syntheticDates), Set.of()))
                .allSatisfy(record -> assertThat(record.attempts()).as("the pause used no attempt: %s", record.key()).isEqualTo(1));
        assertOneRowPerDate(syntheticDates);
    }

    /** SIGTERM: every worker drains and exits 0. */
    void stopWorkers()
            throws Exception
    {
        workers.forEach(Process::destroy);
        for (int i = 0; i < workers.size(); i++) {
            assertThat(workers.get(i).waitFor(1, TimeUnit.MINUTES)).as("worker %d stops", i).isTrue();
            assertThat(workers.get(i).exitValue()).as(Files.readString(home.resolve("worker-" + i + ".log"))).isZero();
        }
    }

    private String coordinator(String... args)
            throws IOException, InterruptedException
    {
        return JavaProcesses.coordinatorSucceeds(environment, home.resolve("coordinator-" + coordinatorRuns++ + "-" + args[0] + ".log"), args);
    }

    private static long queued(String enqueueOutput)
    {
        Matcher matcher = QUEUED.matcher(enqueueOutput);
        assertThat(matcher.find()).as(enqueueOutput).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private long count(AnalyticsTable table, DateRange range, DateState state)
    {
        return store.countByState(table, Optional.of(range)).getOrDefault(state, 0L);
    }

    private long terminal(AnalyticsTable table, DateRange range)
    {
        return store.countByState(table, Optional.of(range)).entrySet().stream().filter(entry -> entry.getKey().isTerminal()).mapToLong(Map.Entry::getValue).sum();
    }

    private void assertOneRowPerDate(DateRange range)
    {
        try (SqliteWarehouse warehouse = SqliteWarehouse.open(home.resolve("warehouse.db"), SchemaCatalog.standard())) {
            for (LocalDate date : range.dates()) {
                assertThat(warehouse.countPartition(AnalyticsSchemas.ref(AnalyticsTable.SYNTHETIC), date)).as("synthetic %s", date).isEqualTo(1);
            }
        }
    }

    private void await(String what, Duration timeout, BooleanSupplier condition)
    {
        Eventually.await(what, timeout, Duration.ofMillis(100), condition, () -> "synthetic " + store.countByState(AnalyticsTable.SYNTHETIC, Optional.empty()));
    }

    /** Stops what is left and keeps the processes' logs under target/scenario-logs. */
    @Override
    public void close()
            throws IOException
    {
        workers.forEach(Process::destroyForcibly);
        Path kept = Path.of("target", "scenario-logs");
        Files.createDirectories(kept);
        try (var logs = Files.newDirectoryStream(home, "*.log")) {
            for (Path log : logs) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
