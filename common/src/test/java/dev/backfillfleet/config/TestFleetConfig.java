package dev.backfillfleet.config;

import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestFleetConfig
{
    @TempDir
    Path home;

    @Test
    void defaultsAreEmbeddedEverywhere()
    {
        FleetConfig config = FleetConfigLoader.load(Map.of(), Map.of("backfill.home", home.toString()));
        assertThat(config.queueBackend()).isEqualTo(QueueBackend.EMBEDDED);
        assertThat(config.stateBackend()).isEqualTo(StateBackend.EMBEDDED);
        assertThat(config.warehouseBackend()).isEqualTo(WarehouseBackend.EMBEDDED);
        assertThat(config.workerConcurrency()).isEqualTo(4);
        assertThat(config.leaseLength()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void fileThenEnvironmentThenCommandLine()
            throws Exception
    {
        Files.writeString(home.resolve("backfill.properties"), "backfill.worker-concurrency=6\nbackfill.lease-seconds=30\nbackfill.retry-attempts=7\n");
        FleetConfig config = FleetConfigLoader.load(
                Map.of("BACKFILL_LEASE_SECONDS", "40", "BACKFILL_RETRY_ATTEMPTS", "8"),
                Map.of("backfill.home", home.toString(), "backfill.retry-attempts", "9"));
        assertThat(config.workerConcurrency()).isEqualTo(6);
        assertThat(config.leaseLength()).isEqualTo(Duration.ofSeconds(40));
        assertThat(config.retryAttempts()).isEqualTo(9);
        assertThat(config.sourceOf(FleetConfig.WORKER_CONCURRENCY)).endsWith("backfill.properties");
    }

    @Test
    void gcpBackendSelectsEveryGoogleAdapterAndAnyMixWorks()
    {
        FleetConfig gcp = FleetConfigLoader.load(Map.of(), Map.of("backfill.home", home.toString(), "backfill.backend", "gcp", "backfill.gcp-project", "p"));
        assertThat(gcp.queueBackend()).isEqualTo(QueueBackend.PUBSUB);
        assertThat(gcp.stateBackend()).isEqualTo(StateBackend.FIRESTORE);
        assertThat(gcp.warehouseBackend()).isEqualTo(WarehouseBackend.BIGQUERY);
        FleetConfig mix = FleetConfigLoader.load(Map.of(), Map.of("backfill.home", home.toString(), "backfill.queue", "pubsub",
                "backfill.state", "firestore", "backfill.gcp-project", "p"));
        assertThat(mix.warehouseBackend()).isEqualTo(WarehouseBackend.EMBEDDED);
    }

    @Test
    void everyProblemIsReportedTogetherNamingKeyAndWhereToSetIt()
    {
        assertThatThrownBy(() -> FleetConfigLoader.load(Map.of("BACKFILL_WORKER_CONCURRENCY", "0"),
                Map.of("backfill.home", home.toString(), "backfill.lease-seconds", "soon", "backfill.backend", "gcp")))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.USER))
                .hasMessageContaining("backfill.worker-concurrency = '0' must be between 1 and 256 (from environment variable BACKFILL_WORKER_CONCURRENCY")
                .hasMessageContaining("backfill.lease-seconds = 'soon' is not a whole number (from the command line")
                .hasMessageContaining("backfill.gcp-project")
                .hasMessageContaining("BACKFILL_GCP_PROJECT");
    }

    @Test
    void unknownKeysInTheFileAreRejected()
            throws Exception
    {
        Files.writeString(home.resolve("backfill.properties"), "backfill.worker-concurency=6\n");
        assertThatThrownBy(() -> FleetConfigLoader.load(Map.of(), Map.of("backfill.home", home.toString())))
                .hasMessageContaining("unknown configuration keys")
                .hasMessageContaining("backfill.worker-concurency");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "backfill.queue=pubsub,backfill.gcp-project=p,backfill.max-delivery-attempts=4 | backfill.max-delivery-attempts = '4' must be between 5 and 100",
            "backfill.warehouse=bigquery,backfill.gcp-project=p,backfill.lease-seconds=15 | backfill.lease-seconds = '15' must exceed backfill.bigquery-write-timeout-seconds (15)",
            "backfill.bigquery-partition-writes-per-10s=50 | backfill.bigquery-partition-writes-per-10s = '50' must be between 1 and 45",
            "backfill.worker-concurrency=100000 | backfill.worker-concurrency = '100000' must be between 1 and 256",
            "backfill.max-defer-seconds=0 | backfill.max-defer-seconds = '0' must be between 1 and 600",
            "backfill.max-attempts=0 | backfill.max-attempts = '0' must be between 1 and 100"})
    void valuesABackendCannotHonourAreRefusedWithTheAllowedRange(String settings, String message)
    {
        Map<String, String> overrides = new java.util.HashMap<>(Map.of("backfill.home", home.toString()));
        for (String setting : settings.split(",")) {
            overrides.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }
        assertThatThrownBy(() -> FleetConfigLoader.load(Map.of(), overrides))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.USER))
                .hasMessageContaining(message);
    }

    @Test
    void aHomeThatIsAFileIsRefused()
            throws Exception
    {
        Path file = Files.writeString(home.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> FleetConfigLoader.load(Map.of(), Map.of("backfill.home", file.toString())))
                .hasMessageContaining("backfill.home = '" + file + "' is a file, not a directory");
    }
}
