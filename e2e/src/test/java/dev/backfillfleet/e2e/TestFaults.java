package dev.backfillfleet.e2e;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.e2e.FaultyFleet.Member;
import dev.backfillfleet.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.backfillfleet.e2e.FaultyFleet.ACK_DEADLINE;
import static dev.backfillfleet.e2e.FaultyFleet.LEASE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partitions, slow links and skewed clocks on the official emulators: worker processes reach
 * Pub/Sub and Firestore through fault proxies the test controls ({@link FaultyFleet}). Each
 * scenario backfills a few hundred synthetic dates with several workers and ends with every date
 * SUCCEEDED exactly once, written by the attempt its record says succeeded, nothing RUNNING,
 * nothing stuck, nothing FAILED for a fault that healed (docs/clocks-and-faults.md).
 */
class TestFaults
{
    private static final DateRange DATES = DateRange.of(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-08-27"));
    private static final Duration TO_FINISH = Duration.ofMinutes(3);
    private static final Pattern HTTP_PORT = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path home;

    @Test
    void aWorkerCutFromFirestoreForTwiceTheLeaseStopsItsDatesBeforeTheyWriteAndTheOthersFinishThem()
            throws Exception
    {
        try (FaultyFleet fleet = FaultyFleet.onEmulators("firestore-cut", home)) {
            fleet.setUp();
            fleet.enqueue(DATES);
            Member cut = fleet.worker("cut", 6, Map.of());
            fleet.worker("steady-1", 6, Map.of());
            fleet.worker("steady-2", 6, Map.of());
            fleet.awaitSucceeded(DATES, 20, TO_FINISH);
            fleet.awaitHolding(cut, DATES, Duration.ofSeconds(30));

            cut.firestore().cut();
            long cutAt = System.nanoTime();
            Eventually.await("the cut worker to say not ready", Duration.ofSeconds(20), Duration.ofMillis(200), () -> readyz(cut) == 503);
            long doneAtCut = fleet.done(DATES);
            fleet.awaitSucceeded(DATES, doneAtCut + 30, Duration.ofMinutes(1));
            // the others go on; the cut worker's dates are taken over once their leases expire
            awaitFaultLasted(cutAt, LEASE.multipliedBy(2));
            cut.firestore().restore();
            Eventually.await("the cut worker to be ready again", Duration.ofSeconds(30), Duration.ofMillis(200), () -> readyz(cut) == 200);

            fleet.awaitSucceeded(DATES, DATES.size(), TO_FINISH);
            fleet.assertEveryDateSucceededExactlyOnce(DATES);
            assertThat(cut.linesContaining("the state store is out of reach")).as("one line for the outage:\n" + cut.output()).isEqualTo(1);
            assertThat(cut.linesContaining("the state store answers again")).as("one line when it heals").isEqualTo(1);
            assertThat(cut.output()).doesNotContain("Exception").doesNotContain("FAILED");
        }
    }

    @Test
    void aWorkerCutFromPubSubForTwiceTheAckDeadlineStopsPullingAndResumesWhenItCan()
            throws Exception
    {
        try (FaultyFleet fleet = FaultyFleet.onEmulators("pubsub-cut", home)) {
            fleet.setUp();
            fleet.enqueue(DATES);
            Member cut = fleet.worker("cut", 6, Map.of());
            fleet.worker("steady-1", 6, Map.of());
            fleet.worker("steady-2", 6, Map.of());
            fleet.awaitSucceeded(DATES, 20, TO_FINISH);
            fleet.awaitHolding(cut, DATES, Duration.ofSeconds(30));

            cut.pubSub().cut();
            long cutAt = System.nanoTime();
            // the deadline extensions of the messages it holds fail within seconds
            Eventually.await("the cut worker to say not ready", ACK_DEADLINE.multipliedBy(2), Duration.ofMillis(200), () -> readyz(cut) == 503);
            long doneAtCut = fleet.done(DATES);
            fleet.awaitSucceeded(DATES, doneAtCut + 30, Duration.ofMinutes(1));
            awaitFaultLasted(cutAt, ACK_DEADLINE.multipliedBy(2));
            cut.pubSub().restore();
            Eventually.await("the cut worker to be ready again", Duration.ofSeconds(30), Duration.ofMillis(200), () -> readyz(cut) == 200);
            long succeededBefore = succeeded(cut);
            Eventually.await("the cut worker to run dates again", Duration.ofMinutes(1), Duration.ofMillis(250),
                    () -> succeeded(cut) > succeededBefore || fleet.done(DATES) == DATES.size());

            fleet.awaitSucceeded(DATES, DATES.size(), TO_FINISH);
            fleet.assertEveryDateSucceededExactlyOnce(DATES);
            assertThat(cut.linesContaining("is out of reach")).as("one line for the outage:\n" + cut.output()).isEqualTo(1);
            assertThat(cut.linesContaining("answers again after")).as("one line when it heals").isEqualTo(1);
            assertThat(cut.output()).doesNotContain("FAILED");
        }
    }

    @Test
    void everyWorkersFirestoreLinkSlowedToTwoSecondsACallForAMinuteSlowsTheFleetAndFailsNothing()
            throws Exception
    {
        // a 20 s lease: a claim is three calls (6 s on the slow link), a renewal two, and the call deadline is 5 s
        try (FaultyFleet fleet = FaultyFleet.onEmulators("slow-firestore", home).with("BACKFILL_LEASE_SECONDS", "20")) {
            fleet.setUp();
            fleet.enqueue(DATES);
            List<Member> workers = List.of(fleet.worker("slow-1", 6, Map.of()), fleet.worker("slow-2", 6, Map.of()), fleet.worker("slow-3", 6, Map.of()));
            fleet.awaitSucceeded(DATES, 20, TO_FINISH);

            // one second each way: two seconds a call
            workers.forEach(worker -> worker.firestore().delay(Duration.ofSeconds(1)));
            long slowSince = System.nanoTime();
            long doneAtSlow = fleet.done(DATES);
            awaitFaultLasted(slowSince, Duration.ofMinutes(1));
            long doneWhileSlow = fleet.done(DATES) - doneAtSlow;
            workers.forEach(worker -> worker.firestore().restore());

            fleet.awaitSucceeded(DATES, DATES.size(), TO_FINISH);
            fleet.assertEveryDateSucceededExactlyOnce(DATES);
            assertThat(doneWhileSlow).as("the fleet went on, slower, while the link was slow").isPositive();
            for (Member worker : workers) {
                assertThat(worker.output()).as(worker.name()).doesNotContain("FAILED");
            }
        }
    }

    @Test
    void connectionsResetAtRandomForAMinuteFailNothing()
            throws Exception
    {
        try (FaultyFleet fleet = FaultyFleet.onEmulators("resets", home)) {
            fleet.setUp();
            fleet.enqueue(DATES);
            List<Member> workers = List.of(fleet.worker("reset-1", 6, Map.of()), fleet.worker("reset-2", 6, Map.of()), fleet.worker("reset-3", 6, Map.of()));
            fleet.awaitSucceeded(DATES, 20, TO_FINISH);

            // every link of every worker: the state store's reads and writes (claims, renewals, completions) and the queue's
            workers.forEach(worker -> {
                worker.firestore().resetRandomly(0.01);
                worker.pubSub().resetRandomly(0.01);
            });
            long resetSince = System.nanoTime();
            awaitFaultLasted(resetSince, Duration.ofMinutes(1));
            long resets = workers.stream().mapToLong(worker -> worker.firestore().resets() + worker.pubSub().resets()).sum();
            workers.forEach(worker -> {
                worker.firestore().restore();
                worker.pubSub().restore();
            });

            fleet.awaitSucceeded(DATES, DATES.size(), TO_FINISH);
            fleet.assertEveryDateSucceededExactlyOnce(DATES);
            assertThat(resets).as("connections were reset").isGreaterThan(10);
            System.out.println("e2e: TestFaults resets: " + resets + " connections reset in a minute; attempts " + fleet.attemptsHistogram(DATES));
        }
    }

    @Test
    void aCoordinatorCutFromPubSubInTheMiddleOfAnEnqueueSaysSoAndTheSameEnqueueAgainStrandsNothing()
            throws Exception
    {
        DateRange fiveThousand = DateRange.of(LocalDate.parse("2000-01-01"), LocalDate.parse("2000-01-01").plusDays(4_999));
        String[] enqueue = {"enqueue", "--table", "synthetic", "--range", fiveThousand.toString()};
        try (FaultyFleet fleet = FaultyFleet.onEmulators("enqueue-cut", home)) {
            fleet.setUp();
            // a publish that gets no answer fails after 10 s, the publisher's shortest (its default would wait 600 s)
            Member first = fleet.coordinator("enqueue-1", Map.of("BACKFILL_CONNECT_TIMEOUT_SECONDS", "2"), enqueue);
            // a little latency on its Pub/Sub link, so that the publish of 5,000 messages is seen under way
            first.pubSub().delay(Duration.ofMillis(200));
            Eventually.await("the first enqueue to be publishing", Duration.ofMinutes(2), Duration.ofMillis(5),
                    () -> first.pubSub().bytesUp() >= 500_000 || !first.process().isAlive());
            first.pubSub().cut();
            long publishedBeforeCut = first.pubSub().bytesUp();
            assertThat(first.process().waitFor(1, java.util.concurrent.TimeUnit.MINUTES)).as("the cut publish fails within its deadline").isTrue();
            first.pubSub().restore();
            assertThat(first.process().exitValue()).as("cut after %s bytes of messages: %s", publishedBeforeCut, first.output()).isEqualTo(1);
            assertThat(first.output()).as("cut in the middle").containsPattern("published [1-9]\\d* of 5000 messages").contains("run the same command again");
            assertThat(fleet.counts(fiveThousand)).as("records first, then messages").containsEntry(dev.backfillfleet.domain.DateState.QUEUED, 5_000L);

            Member second = fleet.coordinator("enqueue-2", enqueue);
            assertThat(second.process().waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
            assertThat(second.process().exitValue()).as(second.output()).isZero();

            // every date has a message: drained from the subscription, each date at least once (some twice: harmless)
            java.util.Set<LocalDate> published = java.util.concurrent.ConcurrentHashMap.newKeySet();
            try (dev.backfillfleet.pubsub.PubSubWorkQueue queue = fleet.queue()) {
                dev.backfillfleet.queue.QueueConsumer drain = queue.subscribe(100, delivery -> {
                    published.add(delivery.item().date());
                    delivery.ack();
                });
                Eventually.await("a message for each of the 5,000 dates", Duration.ofMinutes(2), Duration.ofMillis(250),
                        () -> published.size() == fiveThousand.size(), () -> published.size() + " dates with a message");
                drain.close();
            }
            assertThat(fleet.counts(fiveThousand)).containsExactly(Map.entry(dev.backfillfleet.domain.DateState.QUEUED, 5_000L));
        }
    }

    @Test
    void twoWorkersWhoseClocksDifferByMoreThanALeaseInBothDirectionsNeverTakeOverALiveLease()
            throws Exception
    {
        long skew = LEASE.multipliedBy(2).toSeconds();
        try (FaultyFleet fleet = FaultyFleet.onEmulators("skewed-clocks", home)) {
            fleet.setUp();
            fleet.enqueue(DATES);
            Member fast = fleet.worker("fast", 6, Map.of("BACKFILL_ALLOW_TEST_SETTINGS", "true", "BACKFILL_TEST_CLOCK_OFFSET_SECONDS", Long.toString(skew)));
            Member slow = fleet.worker("slow", 6, Map.of("BACKFILL_ALLOW_TEST_SETTINGS", "true", "BACKFILL_TEST_CLOCK_OFFSET_SECONDS", Long.toString(-skew)));

            fleet.awaitSucceeded(DATES, DATES.size(), TO_FINISH);
            assertThat(succeeded(fast)).as("both workers ran dates").isPositive();
            assertThat(succeeded(slow)).isPositive();
            assertThat(succeeded(fast) + succeeded(slow)).isEqualTo(DATES.size());
            Map<Integer, Long> attempts = fleet.attemptsHistogram(DATES);
            fleet.assertEveryDateSucceededExactlyOnce(DATES);
            assertThat(attempts).as("no live lease was taken over: every date ran once").containsOnlyKeys(1);
        }
    }

    /** The fault's length is the scenario's definition: wait until it has lasted that long since {@code startedNanos}. */
    private static void awaitFaultLasted(long startedNanos, Duration length)
    {
        Eventually.await("the fault to last " + length.toSeconds() + " s", length.plusSeconds(5), Duration.ofMillis(100),
                () -> System.nanoTime() - startedNanos >= length.toNanos());
    }

    /** Dates the worker completed, from its /metrics. */
    private static long succeeded(Member worker)
    {
        return get(worker, "/metrics").map(HttpResponse::body).stream().flatMap(String::lines)
                .filter(line -> line.startsWith("backfill_worker_deliveries_total{") && line.contains("outcome=\"SUCCEEDED\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The worker's /readyz status, or -1 while it does not answer. */
    private static int readyz(Member worker)
    {
        return get(worker, "/readyz").map(HttpResponse::statusCode).orElse(-1);
    }

    /** A GET of the worker's HTTP endpoint (its port is in its log's first lines); empty while it does not answer. */
    private static Optional<HttpResponse<String>> get(Member worker, String path)
    {
        try {
            Optional<String> port = worker.output().lines().map(HTTP_PORT::matcher).filter(Matcher::find).map(matcher -> matcher.group(1)).findFirst();
            if (port.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.get() + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        catch (java.io.IOException e) {
            return Optional.empty();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
