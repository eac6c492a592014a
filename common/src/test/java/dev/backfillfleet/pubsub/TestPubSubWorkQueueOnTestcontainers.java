package dev.backfillfleet.pubsub;

import dev.backfillfleet.testing.emulators.DockerBackendReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.gcloud.PubSubEmulatorContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * Every Pub/Sub test, contract and adapter-specific alike, against the emulator in a container,
 * where Docker exists. It inherits the emulator workarounds of {@link TestPubSubWorkQueue}, since
 * the container runs the same emulator.
 */
@ExtendWith(DockerBackendReport.class)
@Testcontainers(disabledWithoutDocker = true)
class TestPubSubWorkQueueOnTestcontainers
        extends TestPubSubWorkQueue
{
    @Container
    static final PubSubEmulatorContainer PUBSUB = new PubSubEmulatorContainer(
            DockerImageName.parse("gcr.io/google.com/cloudsdktool/google-cloud-cli:emulators"));

    /** Hides the parent's start-up of the locally installed emulator: the container is the emulator here. */
    @BeforeAll
    static void startEmulator()
    {
        System.out.println("contract: TestPubSubWorkQueueOnTestcontainers ran against pubsub-emulator container " + PUBSUB.getEmulatorEndpoint());
    }

    @Override
    protected String emulatorHostAndPort()
    {
        return PUBSUB.getEmulatorEndpoint();
    }
}
