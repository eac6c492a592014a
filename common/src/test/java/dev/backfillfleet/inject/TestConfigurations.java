package dev.backfillfleet.inject;

import dev.backfillfleet.bigquery.BigQueryConfig;
import dev.backfillfleet.config.ConfigLoader;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.config.QueueBackend;
import dev.backfillfleet.config.StateBackend;
import dev.backfillfleet.config.WarehouseBackend;
import dev.backfillfleet.config.WorkerConfig;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.embedded.EmbeddedConfig;
import dev.backfillfleet.firestore.FirestoreConfig;
import dev.backfillfleet.pubsub.PubSubConfig;
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

class TestConfigurations
{
    @TempDir
    Path home;

    @Test
    void defaultsAreEmbeddedEverywhere()
    {
        Configuration config = Configurations.load(Map.of(), Map.of("backfill.home", home.toString()));
        assertThat(config.adapters().queue()).isEqualTo(QueueBackend.EMBEDDED);
        assertThat(config.adapters().state()).isEqualTo(StateBackend.EMBEDDED);
        assertThat(config.adapters().warehouse()).isEqualTo(WarehouseBackend.EMBEDDED);
        assertThat(config.worker().concurrency()).isEqualTo(4);
        assertThat(config.lease().length()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.section(EmbeddedConfig.class).home()).isEqualTo(home);
        assertThatThrownBy(() -> config.section(PubSubConfig.class)).as("an adapter not selected has no configuration")
                .hasMessageContaining("PubSubConfig is not part of this configuration");
    }

    @Test
    void fileThenEnvironmentThenCommandLine()
            throws Exception
    {
        Files.writeString(home.resolve("backfill.properties"), "backfill.worker-concurrency=6\nbackfill.lease-seconds=30\nbackfill.retry-attempts=7\n");
        Configuration config = Configurations.load(
                Map.of("BACKFILL_LEASE_SECONDS", "40", "BACKFILL_RETRY_ATTEMPTS", "8"),
                Map.of("backfill.home", home.toString(), "backfill.retry-attempts", "9"));
        assertThat(config.worker().concurrency()).isEqualTo(6);
        assertThat(config.lease().length()).isEqualTo(Duration.ofSeconds(40));
        assertThat(config.retries().retryAttempts()).isEqualTo(9);
        assertThat(config.values().sourceOf(WorkerConfig.CONCURRENCY)).endsWith("backfill.properties");
        assertThat(config.values().sourceOf(ConfigLoader.HOME)).isEqualTo("the command line");
    }

    @Test
    void gcpBackendSelectsEveryGoogleAdapterAndAnyMixWorks()
    {
        Configuration gcp = Configurations.load(Map.of(), Map.of("backfill.home", home.toString(), "backfill.backend", "gcp", "backfill.gcp-project", "p"));
        assertThat(gcp.adapters().queue()).isEqualTo(QueueBackend.PUBSUB);
        assertThat(gcp.adapters().state()).isEqualTo(StateBackend.FIRESTORE);
        assertThat(gcp.adapters().warehouse()).isEqualTo(WarehouseBackend.BIGQUERY);
        assertThat(gcp.section(BigQueryConfig.class).analyticsDataset()).isEqualTo("nba_analytics");
        assertThatThrownBy(() -> gcp.section(EmbeddedConfig.class)).hasMessageContaining("is not part of this configuration");
        Configuration mix = Configurations.load(Map.of(), Map.of("backfill.home", home.toString(), "backfill.queue", "pubsub",
                "backfill.state", "firestore", "backfill.gcp-project", "p"));
        assertThat(mix.adapters().warehouse()).isEqualTo(WarehouseBackend.EMBEDDED);
        assertThat(mix.section(FirestoreConfig.class).collection()).isEqualTo("backfill_dates");
    }

    @Test
    void everyProblemIsReportedTogetherNamingKeyAndWhereToSetIt()
    {
        assertThatThrownBy(() -> Configurations.load(Map.of("BACKFILL_WORKER_CONCURRENCY", "0"),
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
        assertThatThrownBy(() -> Configurations.load(Map.of(), Map.of("backfill.home", home.toString())))
                .hasMessageContaining("unknown configuration keys")
                .hasMessageContaining("backfill.worker-concurency");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "backfill.queue=pubsub,backfill.gcp-project=p,backfill.max-delivery-attempts=4 | backfill.max-delivery-attempts = '4' must be between 5 and 100",
            "backfill.warehouse=bigquery,backfill.gcp-project=p,backfill.lease-seconds=150 | backfill.lease-seconds = '150' must exceed the longest BigQuery write, 150.0 s (backfill.bigquery-write-timeout-seconds 120 and a quarter of it, 30.0 s, for a cancelled job to settle)",
            "backfill.warehouse=bigquery,backfill.gcp-project=p,backfill.bigquery-partition-writes-per-10s=50 | backfill.bigquery-partition-writes-per-10s = '50' must be between 1 and 45",
            "backfill.queue=pubsub,backfill.gcp-project=p,backfill.pubsub-retry-min-backoff-seconds=90 | backfill.pubsub-retry-min-backoff-seconds = '90' must not exceed backfill.max-defer-seconds (60)",
            "backfill.worker-concurrency=100000 | backfill.worker-concurrency = '100000' must be between 1 and 256",
            "backfill.max-defer-seconds=0 | backfill.max-defer-seconds = '0' must be between 1 and 600",
            "backfill.max-attempts=0 | backfill.max-attempts = '0' must be between 1 and 100"})
    void valuesABackendCannotHonourAreRefusedWithTheAllowedRange(String settings, String message)
    {
        Map<String, String> overrides = new java.util.HashMap<>(Map.of("backfill.home", home.toString()));
        for (String setting : settings.split(",")) {
            overrides.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }
        assertThatThrownBy(() -> Configurations.load(Map.of(), overrides))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.USER))
                .hasMessageContaining(message);
    }

    @Test
    void aHomeThatIsAFileIsRefused()
            throws Exception
    {
        Path file = Files.writeString(home.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> Configurations.load(Map.of(), Map.of("backfill.home", file.toString())))
                .hasMessageContaining("backfill.home = '" + file + "' is a file, not a directory");
    }

    @Test
    void onlyTheSelectedAdaptersAreRead()
    {
        Map<String, String> badForBigQuery = Map.of("backfill.home", home.toString(), "backfill.bigquery-partition-writes-per-10s", "50",
                "backfill.pubsub-topic", "a topic with spaces", "backfill.firestore-collection", "a/b");
        assertThat(Configurations.load(Map.of(), badForBigQuery).adapters().usesGoogleCloud()).as("embedded: the Google adapters' keys are not checked").isFalse();
        Map<String, String> selected = new java.util.HashMap<>(badForBigQuery);
        selected.put("backfill.backend", "gcp");
        selected.put("backfill.gcp-project", "p");
        assertThatThrownBy(() -> Configurations.load(Map.of(), selected))
                .hasMessageContaining("invalid configuration (3 problems)")
                .hasMessageContaining("backfill.bigquery-partition-writes-per-10s = '50'")
                .hasMessageContaining("backfill.pubsub-topic = 'a topic with spaces'")
                .hasMessageContaining("backfill.firestore-collection = 'a/b'");
    }

    @Test
    void theEmulatorHostsAreReadFromTheEnvironmentByTheLoaderOnly()
    {
        Map<String, String> environment = Map.of("PUBSUB_EMULATOR_HOST", "127.0.0.1:8085", "FIRESTORE_EMULATOR_HOST", "127.0.0.1:8080");
        Configuration config = Configurations.load(environment, Map.of("backfill.home", home.toString(), "backfill.backend", "gcp", "backfill.gcp-project", "p"));
        assertThat(config.section(PubSubConfig.class).emulatorHost()).contains("127.0.0.1:8085");
        assertThat(config.section(FirestoreConfig.class).emulatorHost()).contains("127.0.0.1:8080");
        Configuration production = Configurations.load(Map.of("FIRESTORE_EMULATOR_HOST", " "), Map.of("backfill.home", home.toString(), "backfill.backend", "gcp",
                "backfill.gcp-project", "p"));
        assertThat(production.section(PubSubConfig.class).emulatorHost()).isEmpty();
        assertThat(production.section(FirestoreConfig.class).emulatorHost()).as("blank is unset").isEmpty();
    }

    @Test
    void everyKeyIsDeclaredOnceWithTheEnvironmentVariableTheReadmeNames()
    {
        assertThat(Configurations.KEYS).hasSize(40);
        assertThat(Configurations.KEYS.stream().map(key -> key.name()).distinct()).hasSize(40);
        assertThat(Configurations.KEYS).allSatisfy(key -> assertThat(key.environmentVariable()).startsWith("BACKFILL_"));
    }
}
