package dev.backfillfleet.e2e;

import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.e2e.JavaProcesses.Finished;
import dev.backfillfleet.firestore.FirestoreRunLog;
import dev.backfillfleet.firestore.FirestoreStateStorage;
import dev.backfillfleet.firestore.FirestoreStateStoreSettings;
import dev.backfillfleet.firestore.FirestoreTablePauses;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.testing.Eventually;
import dev.backfillfleet.testing.emulators.EmulatorAvailability;
import dev.backfillfleet.testing.emulators.FirestoreEmulator;
import dev.backfillfleet.testing.emulators.PubSubEmulator;
import dev.backfillfleet.worker.WorkerMain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Provisioning is a verb, not a side effect, on the official emulators: the read-only verbs and a
 * dry run create no topic, subscription, document or file (listed through the emulators' REST
 * APIs before and after); setup makes everything once; a worker whose subscription is missing,
 * or is deleted under it, stops naming it without failing a date, and setup plus the same enqueue
 * finish the job.
 */
class TestGoogleCloudSetup
{
    private static final String PROJECT = "backfill-fleet-setup";
    private static final AtomicInteger FLEETS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final DateRange MARCH = DateRange.of(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-20"));

    private static PubSubEmulator pubSub;
    private static FirestoreEmulator firestore;

    @TempDir
    Path home;
    @TempDir
    Path elsewhere;

    private Map<String, String> environment;
    private String topic;
    private String collection;

    @BeforeAll
    static void emulators()
    {
        EmulatorAvailability<PubSubEmulator> pubSubAvailability = PubSubEmulator.shared();
        EmulatorAvailability<FirestoreEmulator> firestoreAvailability = FirestoreEmulator.shared();
        String missing = pubSubAvailability.emulator().isEmpty() ? pubSubAvailability.unavailableReason()
                : firestoreAvailability.emulator().isEmpty() ? firestoreAvailability.unavailableReason() : null;
        if (missing != null) {
            System.out.println("e2e: TestGoogleCloudSetup SKIPPED: " + missing);
        }
        assumeTrue(missing == null, missing);
        pubSub = pubSubAvailability.emulator().get();
        firestore = firestoreAvailability.emulator().get();
        System.out.println("e2e: TestGoogleCloudSetup ran against pubsub-emulator " + pubSub.hostAndPort() + " and firestore-emulator " + firestore.hostAndPort());
    }

    @BeforeEach
    void fleet()
    {
        String suffix = ProcessHandle.current().pid() + "-" + FLEETS.incrementAndGet();
        topic = "backfill-setup-" + suffix;
        collection = "setup_" + suffix.replace('-', '_');
        environment = new HashMap<>(Map.of(
                "PUBSUB_EMULATOR_HOST", pubSub.hostAndPort(),
                "FIRESTORE_EMULATOR_HOST", firestore.hostAndPort(),
                "BACKFILL_HOME", home.toString(),
                "BACKFILL_QUEUE", "pubsub",
                "BACKFILL_STATE", "firestore",
                "BACKFILL_GCP_PROJECT", PROJECT,
                "BACKFILL_PUBSUB_TOPIC", topic,
                "BACKFILL_PUBSUB_SUBSCRIPTION", topic + "-workers",
                "BACKFILL_PUBSUB_DEAD_LETTER_TOPIC", topic + "-dead-letters",
                "BACKFILL_PUBSUB_DEAD_LETTER_SUBSCRIPTION", topic + "-dead-letters-handler"));
        environment.putAll(Map.of(
                "BACKFILL_FIRESTORE_COLLECTION", collection,
                "BACKFILL_SYNTHETIC_LATENCY_MS", "300",
                "BACKFILL_LEASE_SECONDS", "6",
                "BACKFILL_ACK_DEADLINE_SECONDS", "10",
                "BACKFILL_PUBSUB_RETRY_MIN_BACKOFF_SECONDS", "1",
                "BACKFILL_PUBSUB_PULL_MODE", "unary"));
    }

    @Test
    void readOnlyVerbsAndADryRunCreateNothingAnywhere()
            throws Exception
    {
        String before = everything();
        String range = MARCH.toString();
        assertThat(coordinator("enqueue", "--table", "synthetic", "--range", range, "--dry-run").exitCode()).isZero();
        assertThat(coordinator("status", "--table", "synthetic", "--range", range).exitCode()).isZero();
        assertThat(coordinator("status", "--range", range, "--stale").exitCode()).isZero();
        assertThat(coordinator("runs").exitCode()).isZero();
        assertThat(coordinator("cancel", "--table", "synthetic", "--range", range, "--dry-run").exitCode()).isZero();
        assertThat(coordinator("failed", "--table", "synthetic").exitCode()).isZero();
        assertThat(coordinator("watch", "--table", "synthetic", "--range", range, "--once").exitCode()).isZero();
        assertThat(coordinator("report", "--range", range, "--out", elsewhere.resolve("report.html").toString()).exitCode()).isZero();
        coordinator("verify", "--table", "team_offense", "--range", "2024-11-01..2024-11-30");
        assertThat(coordinator("setup", "--dry-run").output()).contains("would create");
        Finished doctor = coordinator("doctor");
        assertThat(doctor.exitCode()).as(doctor.output()).isEqualTo(1);
        assertThat(doctor.output()).contains("PROBLEM      Pub/Sub").contains("subscription projects/" + PROJECT + "/subscriptions/" + topic + "-workers: missing")
                .contains("mend: coordinator setup")
                .contains("PROBLEM      start-up check of a worker: ")
                .contains("problem(s): run the mend below each");

        assertThat(everything()).as("topics, subscriptions, documents and files after the read-only verbs").isEqualTo(before);
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> !name.endsWith(".log"))).isEmpty();
        }
    }

    @Test
    void setupMakesEverythingOnceAndThenHasNothingToDo()
            throws Exception
    {
        Finished first = coordinator("setup");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("created").contains("subscription projects/" + PROJECT + "/subscriptions/" + topic + "-workers");
        assertThat(list("/v1/projects/" + PROJECT + "/subscriptions")).contains(topic + "-workers", topic + "-dead-letters-handler");

        Finished again = coordinator("setup");
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).doesNotContain("created").contains("Nothing to do.");
        assertThat(coordinator("setup", "--dry-run").output()).contains("Nothing to do.");
        Finished doctor = coordinator("doctor");
        assertThat(doctor.exitCode()).as(doctor.output()).isZero();
        assertThat(doctor.output()).contains("ok           start-up check of a worker").contains("ok           start-up check of a coordinator")
                .contains("queued dates: no date is QUEUED").endsWith("All is well.\n");
    }

    @Test
    void aWorkerWithoutItsSubscriptionStopsNamingItAndFailsNoDate()
            throws Exception
    {
        Process worker = JavaProcesses.start(WorkerMain.class, environment, home.resolve("worker.log"), "--concurrency", "2");
        assertThat(worker.waitFor(30, TimeUnit.SECONDS)).as("the worker stops within 30 s").isTrue();
        String log = Files.readString(home.resolve("worker.log"));
        assertThat(worker.exitValue()).as(log).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(log).contains("subscription projects/" + PROJECT + "/subscriptions/" + topic + "-workers does not exist")
                .contains("coordinator setup");
    }

    @Test
    void aDeletedSubscriptionStopsTheWorkerAndSetupWithTheSameEnqueueFinishesTheJob()
            throws Exception
    {
        assertThat(coordinator("setup").exitCode()).isZero();
        assertThat(coordinator("enqueue", "--table", "synthetic", "--range", MARCH.toString()).exitCode()).isZero();
        Process worker = JavaProcesses.start(WorkerMain.class, environment, home.resolve("worker.log"), "--concurrency", "2");
        try (TransitioningStateStore store = store()) {
            awaitDone(store, 3);
            delete("/v1/projects/" + PROJECT + "/subscriptions/" + topic + "-workers");
            assertThat(worker.waitFor(30, TimeUnit.SECONDS)).as("the worker stops within 30 s of the deletion").isTrue();
            String log = Files.readString(home.resolve("worker.log"));
            assertThat(worker.exitValue()).as(log).isEqualTo(ExitCodes.ENVIRONMENT);
            assertThat(log).contains(topic + "-workers does not exist");
            assertThat(store.countByState(AnalyticsTable.SYNTHETIC, Optional.of(MARCH))).doesNotContainKey(DateState.FAILED);

            // the messages died with the subscription: setup recreates it, the same enqueue republishes what is not done
            assertThat(coordinator("setup").exitCode()).isZero();
            Finished enqueue = coordinator("enqueue", "--table", "synthetic", "--range", MARCH.toString());
            assertThat(enqueue.output()).contains("again for dates already queued or running");
            Process second = JavaProcesses.start(WorkerMain.class, environment, home.resolve("worker-2.log"), "--concurrency", "4");
            try {
                awaitDone(store, MARCH.size());
            }
            finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(store.countByState(AnalyticsTable.SYNTHETIC, Optional.of(MARCH))).containsOnlyKeys(DateState.SUCCEEDED);
        }
        finally {
            worker.destroyForcibly();
        }
    }

    private TransitioningStateStore store()
    {
        return new TransitioningStateStore(FirestoreStateStorage.create(FirestoreStateStoreSettings.of(PROJECT).withCollection(collection).withEmulatorHost(firestore.hostAndPort()),
                Clock.systemUTC()));
    }

    private static void awaitDone(TransitioningStateStore store, int count)
    {
        Eventually.await(count + " dates done", Duration.ofMinutes(2), Duration.ofMillis(200),
                () -> store.countByState(AnalyticsTable.SYNTHETIC, Optional.of(MARCH)).getOrDefault(DateState.SUCCEEDED, 0L) >= count,
                () -> store.countByState(AnalyticsTable.SYNTHETIC, Optional.of(MARCH)).toString());
    }

    /** Every topic and subscription of the project and every document of the collections, as the emulators list them. */
    private String everything()
            throws Exception
    {
        String documents = "http://" + firestore.hostAndPort() + "/v1/projects/" + PROJECT + "/databases/(default)/documents/";
        return list("/v1/projects/" + PROJECT + "/topics") + "\n" + list("/v1/projects/" + PROJECT + "/subscriptions") + "\n"
                + get(documents + collection) + "\n" + get(documents + FirestoreRunLog.runCollection(collection)) + "\n"
                + get(documents + FirestoreTablePauses.pausedCollection(collection));
    }

    private static String list(String path)
            throws Exception
    {
        return get("http://" + pubSub.hostAndPort() + path);
    }

    private static String get(String url)
            throws Exception
    {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static void delete(String path)
            throws Exception
    {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + pubSub.hostAndPort() + path)).DELETE()
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    }

    private Finished coordinator(String... args)
            throws IOException, InterruptedException
    {
        return JavaProcesses.coordinator(environment, elsewhere.resolve("coordinator-" + System.nanoTime() + ".log"), args);
    }
}
