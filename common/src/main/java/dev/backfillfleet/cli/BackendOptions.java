package dev.backfillfleet.cli;

import dev.backfillfleet.config.AdapterSelection;
import dev.backfillfleet.config.ConfigLoader;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.inject.Configurations;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** Options every command shares: where the embedded data lives and which adapter serves each port. */
public final class BackendOptions
{
    @Option(names = "--home", paramLabel = "DIR", description = "Directory of the embedded queue, state and warehouse (env BACKFILL_HOME, default .backfill).")
    String home;

    @Option(names = "--backend", paramLabel = "embedded|gcp", description = "Default adapter for all three ports (env BACKFILL_BACKEND, default embedded).")
    String backend;

    @Option(names = "--queue", paramLabel = "embedded|pubsub", description = "Work queue adapter.")
    String queue;

    @Option(names = "--state", paramLabel = "embedded|firestore", description = "State store adapter.")
    String state;

    @Option(names = "--warehouse", paramLabel = "embedded|bigquery", description = "Warehouse adapter.")
    String warehouse;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any configuration key, e.g. --set backfill.lease-seconds=120.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces and debug logs.")
    public boolean verbose;

    public Configuration load()
    {
        return load(Map.of());
    }

    public Configuration load(Map<String, String> extra)
    {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        putIfSet(overrides, ConfigLoader.HOME.name(), home);
        putIfSet(overrides, AdapterSelection.BACKEND.name(), backend);
        putIfSet(overrides, AdapterSelection.QUEUE.name(), queue);
        putIfSet(overrides, AdapterSelection.STATE.name(), state);
        putIfSet(overrides, AdapterSelection.WAREHOUSE.name(), warehouse);
        overrides.putAll(extra);
        return Configurations.load(overrides);
    }

    private static void putIfSet(Map<String, String> overrides, String key, String value)
    {
        if (value != null) {
            overrides.put(key, value);
        }
    }
}
