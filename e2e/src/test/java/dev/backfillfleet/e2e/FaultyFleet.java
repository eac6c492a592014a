package dev.backfillfleet.e2e;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.firestore.FirestoreStateStorage;
import dev.backfillfleet.firestore.FirestoreStateStoreSettings;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.standalone.StandaloneMain;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.testing.Eventually;
import dev.backfillfleet.testing.faults.FaultProxy;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.worker.WorkerMain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet on the official emulators whose every link goes through a {@link FaultProxy} the test
 * controls: each worker process has a proxy of its own to Pub/Sub and one to Firestore (its
 * PUBSUB_EMULATOR_HOST and FIRESTORE_EMULATOR_HOST), so that one worker can be cut off while the
 * others run; the coordinator has its own pair too. The warehouse is the embedded one, shared as
 * a file. Short leases and deadlines (seconds) keep "twice the lease" short.
 */
final class FaultyFleet
        implements AutoCloseable
{
    static final String PROJECT = "backfill-fleet-test";
    static final Duration LEASE = Duration.ofSeconds(6);
    static final Duration ACK_DEADLINE = Duration.ofSeconds(10);
    private static final AnalyticsTable TABLE = AnalyticsTable.SYNTHETIC;

    private final String scenario;
    private final Path home;
    private final Map<String, String> environment;
    private final String firestoreHost;
    private final String pubSubHost;
    private final List<Member> members = new ArrayList<>();
    private final TransitioningStateStore store;

    /** One process of the fleet and its two links. */
    record Member(String name, Process process, FaultProxy pubSub, FaultProxy firestore, Path log)
    {
        String output() throws IOException
        {
            return Files.readString(log);
        }

        long linesContaining(String text) throws IOException
        {
            return output().lines().filter(line -> line.contains(text)).count();
        }
    }

    private FaultyFleet(String scenario, Path home, String pubSubHost, String firestoreHost)
    {
        this.scenario = scenario;
        this.home = home;
        this.pubSubHost = pubSubHost;
        this.firestoreHost = firestoreHost;
        String suffix = scenario + "-" + ProcessHandle.current().pid();
        String collection = "faults_" + suffix.replace('-', '_');
        this.environment = new HashMap<>(Map.of(
                "BACKFILL_HOME", home.toString(),
                "BACKFILL_QUEUE", "pubsub",
                "BACKFILL_STATE", "firestore",
                "BACKFILL_GCP_PROJECT", PROJECT,
                "BACKFILL_PUBSUB_TOPIC", "faults-" + suffix,
                "BACKFILL_PUBSUB_SUBSCRIPTION", "faults-" + suffix + "-workers",
                "BACKFILL_PUBSUB_DEAD_LETTER_TOPIC", "faults-" + suffix + "-dead-letters",
                "BACKFILL_PUBSUB_DEAD_LETTER_SUBSCRIPTION", "faults-" + suffix + "-dead-letters-handler",
                "BACKFILL_FIRESTORE_COLLECTION", collection));
        environment.putAll(Map.of(
                "BACKFILL_SYNTHETIC_LATENCY_MS", "600",
                "BACKFILL_LEASE_SECONDS", Long.toString(LEASE.toSeconds()),
                "BACKFILL_ACK_DEADLINE_SECONDS", Long.toString(ACK_DEADLINE.toSeconds()),
                "BACKFILL_PUBSUB_RETRY_MIN_BACKOFF_SECONDS", "1",
                // the emulator's StreamingPull loses messages to closed streams (TestEmulatorEndToEnd): pull synchronously
                "BACKFILL_PUBSUB_PULL_MODE", "unary"));
        this.store = new TransitioningStateStore(FirestoreStateStorage.create(
                FirestoreStateStoreSettings.of(PROJECT).withCollection(collection).withEmulatorHost(firestoreHost), Clock.systemUTC()));
    }

    /** A fleet for {@code scenario} (its own topic and collection), or the test skipped, saying so, where the emulators are missing. */
    static FaultyFleet onEmulators(String scenario, Path home)
    {
        // the emulators' hosts only: each worker reaches them through proxies of its own, under this fleet's names
        EmulatorFleet emulators = EmulatorFleet.require("TestFaults " + scenario, PROJECT, "faults");
        return new FaultyFleet(scenario, home, emulators.pubSubHost(), emulators.firestoreHost());
    }

    FaultyFleet with(String variable, String value)
    {
        environment.put(variable, value);
        return this;
    }

    /** {@code coordinator setup}, straight to the emulators. */
    void setUp()
            throws Exception
    {
        Member setup = start("setup", StandaloneMain.class, Map.of(), "setup");
        assertThat(setup.process().waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(setup.process().exitValue()).as(setup.output()).isZero();
    }

    /** A coordinator verb through links of its own (the member's proxies), not waited for. */
    Member coordinator(String name, String... args)
            throws IOException
    {
        return coordinator(name, Map.of(), args);
    }

    Member coordinator(String name, Map<String, String> extra, String... args)
            throws IOException
    {
        return start(name, StandaloneMain.class, extra, args);
    }

    /** The work queue as a test client sees it, straight on the emulator, pulling synchronously. */
    dev.backfillfleet.pubsub.PubSubWorkQueue queue()
    {
        return dev.backfillfleet.pubsub.PubSubWorkQueue.create(dev.backfillfleet.pubsub.PubSubQueueSettings.of(PROJECT, environment.get("BACKFILL_PUBSUB_TOPIC"))
                        .withEmulatorHost(pubSubHost)
                        .withPullMode(dev.backfillfleet.pubsub.PubSubQueueSettings.PullMode.UNARY),
                new dev.backfillfleet.queue.QueueSettings(ACK_DEADLINE, 100));
    }

    /** {@code coordinator enqueue --table synthetic --range RANGE}, waited for, exit 0. */
    void enqueue(DateRange range)
            throws Exception
    {
        Member enqueue = coordinator("enqueue", "enqueue", "--table", TABLE.tableName(), "--range", range.toString());
        assertThat(enqueue.process().waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(enqueue.process().exitValue()).as(enqueue.output()).isZero();
    }

    Member worker(String name, int concurrency, Map<String, String> extra)
            throws IOException
    {
        return start(name, WorkerMain.class, extra, "--concurrency", Integer.toString(concurrency), "--http-port", "0");
    }

    private Member start(String name, Class<?> main, Map<String, String> extra, String... args)
            throws IOException
    {
        FaultProxy pubSub = FaultProxy.start(pubSubHost);
        FaultProxy firestore = FaultProxy.start(firestoreHost);
        Map<String, String> processEnvironment = new HashMap<>(environment);
        processEnvironment.putAll(extra);
        processEnvironment.put("PUBSUB_EMULATOR_HOST", pubSub.hostAndPort());
        processEnvironment.put("FIRESTORE_EMULATOR_HOST", firestore.hostAndPort());
        Path log = home.resolve(scenario + "-" + name + ".log");
        Member member = new Member(name, JavaProcesses.start(main, processEnvironment, log, args), pubSub, firestore, log);
        members.add(member);
        return member;
    }

    TransitioningStateStore store()
    {
        return store;
    }

    Map<DateState, Long> counts(DateRange range)
    {
        return new EnumMap<>(store.countByState(TABLE, Optional.of(range)));
    }

    long done(DateRange range)
    {
        return counts(range).getOrDefault(DateState.SUCCEEDED, 0L);
    }

    /** Waits until {@code count} dates of the range succeeded. */
    void awaitSucceeded(DateRange range, long count, Duration timeout)
    {
        Eventually.await(count + " dates of " + range + " SUCCEEDED", timeout, Duration.ofMillis(250), () -> done(range) >= count,
                () -> counts(range).toString());
    }

    /** Dates that {@code member} holds a lease on now (a worker's id is host-pid-random). */
    List<DateRecord> heldBy(Member member, DateRange range)
    {
        String pid = "-" + member.process().pid() + "-";
        return store.list(TABLE, Optional.of(range), Set.of(DateState.RUNNING)).stream()
                .filter(record -> record.leaseOwner().filter(owner -> owner.contains(pid)).isPresent())
                .toList();
    }

    void awaitHolding(Member member, DateRange range, Duration timeout)
    {
        Eventually.await(member.name() + " to hold dates", timeout, Duration.ofMillis(100), () -> !heldBy(member, range).isEmpty());
    }

    /**
     * The end every scenario must reach: each date SUCCEEDED, nothing RUNNING or QUEUED (nothing
     * stuck), nothing FAILED, and each partition written exactly once, by the attempt its state
     * record says succeeded.
     */
    void assertEveryDateSucceededExactlyOnce(DateRange range)
            throws IOException
    {
        List<DateRecord> records = store.list(TABLE, Optional.of(range), Set.of());
        assertThat(records).hasSize(range.size());
        assertThat(records).allSatisfy(record -> assertThat(record.state()).as("%s", record.key()).isEqualTo(DateState.SUCCEEDED));
        stopWorkers();
        try (SqliteWarehouse warehouse = SqliteWarehouse.open(home.resolve("warehouse.db"), SchemaCatalog.standard())) {
            List<Row> rows = warehouse.read(AnalyticsSchemas.ref(TABLE), range);
            Map<String, List<Row>> byDate = rows.stream().collect(Collectors.groupingBy(row -> String.valueOf(row.get("game_date"))));
            for (DateRecord record : records) {
                List<Row> written = byDate.getOrDefault(record.key().date().toString(), List.of());
                assertThat(written).as("rows of %s", record.key()).hasSize(1);
                assertThat(((Number) written.get(0).get("attempt")).intValue())
                        .as("%s was written by the attempt its record says succeeded", record.key()).isEqualTo(record.attempts());
            }
        }
    }

    /** What each date's record says: the attempts, by how many dates took that many. */
    Map<Integer, Long> attemptsHistogram(DateRange range)
    {
        return store.list(TABLE, Optional.of(range), Set.of()).stream().collect(Collectors.groupingBy(DateRecord::attempts, Collectors.counting()));
    }

    /** SIGTERM to every worker still running, and a wait for each to drain. */
    void stopWorkers()
    {
        members.stream().map(Member::process).filter(Process::isAlive).forEach(Process::destroy);
        for (Member member : members) {
            try {
                member.process().waitFor(1, TimeUnit.MINUTES);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Workers whose exit value is not 0 (after SIGTERM), with their logs' tails. */
    Map<String, Integer> exitValues(Function<Member, Boolean> which)
    {
        Map<String, Integer> exits = new HashMap<>();
        members.stream().filter(which::apply).filter(member -> !member.process().isAlive())
                .forEach(member -> exits.put(member.name(), member.process().exitValue()));
        return exits;
    }

    @Override
    public void close()
            throws IOException
    {
        members.stream().map(Member::process).filter(Process::isAlive).forEach(Process::destroyForcibly);
        members.forEach(member -> {
            member.pubSub().close();
            member.firestore().close();
        });
        store.close();
        Path kept = Path.of("target", "e2e-logs");
        Files.createDirectories(kept);
        for (Member member : members) {
            if (Files.exists(member.log)) {
                Files.copy(member.log, kept.resolve(member.log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
