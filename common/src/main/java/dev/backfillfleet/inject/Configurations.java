package dev.backfillfleet.inject;

import dev.backfillfleet.bigquery.BigQueryConfig;
import dev.backfillfleet.config.AdapterSelection;
import dev.backfillfleet.config.ConfigKey;
import dev.backfillfleet.config.ConfigLoader;
import dev.backfillfleet.config.ConfigReader;
import dev.backfillfleet.config.ConfigValues;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.config.GoogleCloudConfig;
import dev.backfillfleet.config.LeaseConfig;
import dev.backfillfleet.config.QueueBackend;
import dev.backfillfleet.config.QueueConfig;
import dev.backfillfleet.config.RetryConfig;
import dev.backfillfleet.config.StateBackend;
import dev.backfillfleet.config.SyntheticConfig;
import dev.backfillfleet.config.TestClockConfig;
import dev.backfillfleet.config.WarehouseBackend;
import dev.backfillfleet.config.WorkerConfig;
import dev.backfillfleet.embedded.EmbeddedConfig;
import dev.backfillfleet.firestore.FirestoreConfig;
import dev.backfillfleet.pubsub.PubSubConfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which configuration a process reads: every concern's keys (what the loader accepts), the
 * fleet's own configuration, and that of the adapters the selection names, validated together,
 * every problem at once. An adapter that is not selected is not read: its keys may be set, and
 * are not checked.
 */
public final class Configurations
{
    /** Every key, in the order of the README's Configuration table. */
    public static final List<ConfigKey> KEYS = List.copyOf(new LinkedHashSet<>(Stream.of(
                    List.of(ConfigLoader.HOME), AdapterSelection.KEYS, WorkerConfig.KEYS, LeaseConfig.KEYS, QueueConfig.KEYS, RetryConfig.KEYS,
                    EmbeddedConfig.KEYS, SyntheticConfig.KEYS, TestClockConfig.KEYS, GoogleCloudConfig.KEYS, PubSubConfig.KEYS, FirestoreConfig.KEYS, BigQueryConfig.KEYS)
            .flatMap(List::stream)
            .toList()));
    /** The environment variables read besides the keys': the emulator hosts, which the Google clients' own conventions name. */
    public static final List<String> VARIABLES = List.of(PubSubConfig.EMULATOR_HOST_VARIABLE, FirestoreConfig.EMULATOR_HOST_VARIABLE, BigQueryConfig.EMULATOR_HOST_VARIABLE);

    private Configurations() {}

    /** From the properties file, this process's environment and the command line. */
    public static Configuration load(Map<String, String> commandLine)
    {
        return read(ConfigLoader.load(KEYS, VARIABLES, commandLine));
    }

    public static Configuration load(Map<String, String> environment, Map<String, String> commandLine)
    {
        return read(ConfigLoader.load(KEYS, VARIABLES, environment, commandLine));
    }

    /** From the defaults, the properties file of the home it names, if any, and {@code settings}: for tests and tools (the environment is not read). */
    public static Configuration of(Map<String, String> settings)
    {
        return load(Map.of(), settings);
    }

    private static Configuration read(ConfigValues values)
    {
        ConfigReader reader = new ConfigReader(values);
        AdapterSelection adapters = AdapterSelection.from(reader);
        LeaseConfig lease = LeaseConfig.from(reader, adapters.warehouse());
        List<Object> sections = new ArrayList<>(List.of(adapters, WorkerConfig.from(reader), lease, RetryConfig.from(reader),
                QueueConfig.from(reader), SyntheticConfig.from(reader), TestClockConfig.from(reader)));
        if (adapters.usesEmbedded()) {
            sections.add(EmbeddedConfig.from(reader));
        }
        if (adapters.usesGoogleCloud()) {
            sections.add(GoogleCloudConfig.from(reader));
        }
        if (adapters.queue() == QueueBackend.PUBSUB) {
            sections.add(PubSubConfig.from(reader));
        }
        if (adapters.state() == StateBackend.FIRESTORE) {
            sections.add(FirestoreConfig.from(reader));
        }
        if (adapters.warehouse() == WarehouseBackend.BIGQUERY) {
            sections.add(BigQueryConfig.from(reader, lease.length()));
        }
        reader.validate();
        return new Configuration(values, sections);
    }
}
