package dev.backfillfleet.pubsub;

import dev.backfillfleet.queue.AbstractWorkQueueTest;
import dev.backfillfleet.queue.QueueSettings;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.testing.TestingClock;
import dev.backfillfleet.testing.emulators.DockerBackendReport;
import dev.backfillfleet.testing.emulators.LocalOnly;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.gcloud.PubSubEmulatorContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The work queue contract against the Pub/Sub emulator in a container, where Docker exists. */
@ExtendWith(DockerBackendReport.class)
@Testcontainers(disabledWithoutDocker = true)
class TestPubSubWorkQueueOnTestcontainers
        extends AbstractWorkQueueTest
{
    private static final AtomicInteger QUEUES = new AtomicInteger();

    @Container
    static final PubSubEmulatorContainer PUBSUB = new PubSubEmulatorContainer(
            DockerImageName.parse("gcr.io/google.com/cloudsdktool/google-cloud-cli:emulators"));

    private PubSubWorkQueue pubSubQueue;

    @BeforeAll
    static void report()
    {
        System.out.println("contract: TestPubSubWorkQueueOnTestcontainers ran against pubsub-emulator container " + PUBSUB.getEmulatorEndpoint());
    }

    @Override
    protected QueueSettings settings()
    {
        return new QueueSettings(Duration.ofSeconds(10), MAX_DELIVERY_ATTEMPTS);
    }

    @Override
    protected WorkQueue createQueue(TestingClock clock, QueueSettings settings)
    {
        PubSubQueueSettings pubSubSettings = PubSubQueueSettings.of(TestPubSubWorkQueue.PROJECT, "backfill-work-tc-" + QUEUES.incrementAndGet())
                .withEmulatorHost(PUBSUB.getEmulatorEndpoint())
                .withRetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2));
        LocalOnly.requireLocal(pubSubSettings.emulatorHost(), "pubsub settings");
        pubSubQueue = PubSubWorkQueue.create(pubSubSettings, settings);
        pubSubQueue.ensureTopology();
        return pubSubQueue;
    }

    @Override
    protected void publishRaw(String body)
    {
        pubSubQueue.publishRaw(body);
    }

    @Override
    protected void expireAckDeadlines()
    {
        sleepUninterruptibly(settings().ackDeadline().plusSeconds(2));
    }

    @Override
    protected void closeQueue()
    {
        if (pubSubQueue != null) {
            pubSubQueue.close();
        }
    }
}
