package dev.backfillfleet.config;

import dev.backfillfleet.domain.FleetException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads configuration from the properties file, the environment and command-line overrides. */
public final class FleetConfigLoader
{
    public static final String FILE_NAME = "backfill.properties";

    private FleetConfigLoader() {}

    /** Loads with the process environment. */
    public static FleetConfig load(Map<String, String> commandLine)
    {
        return load(System.getenv(), commandLine);
    }

    public static FleetConfig load(Map<String, String> environment, Map<String, String> commandLine)
    {
        Map<String, String> values = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        Set<String> known = FleetConfig.KEYS.stream().map(ConfigKey::name).collect(Collectors.toSet());

        String home = commandLine.getOrDefault(FleetConfig.HOME.name(),
                environment.getOrDefault(FleetConfig.HOME.environmentVariable(), FleetConfig.HOME.defaultValue()));
        Path file = Path.of(home).resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            catch (IOException e) {
                throw FleetException.userError("cannot read " + file + ": " + e.getMessage());
            }
            List<String> unknown = properties.stringPropertyNames().stream().filter(name -> !known.contains(name)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw FleetException.userError("unknown configuration keys in " + file + ": " + unknown + ". Known keys: " + known.stream().sorted().toList());
            }
            properties.stringPropertyNames().forEach(name -> put(values, sources, name, properties.getProperty(name), file.toString()));
        }
        for (ConfigKey key : FleetConfig.KEYS) {
            String value = environment.get(key.environmentVariable());
            if (value != null) {
                put(values, sources, key.name(), value, "environment variable " + key.environmentVariable());
            }
        }
        commandLine.forEach((name, value) -> {
            if (!known.contains(name)) {
                throw FleetException.userError("unknown configuration key '" + name + "'");
            }
            put(values, sources, name, value, "the command line");
        });
        return new FleetConfig(values, sources);
    }

    private static void put(Map<String, String> values, Map<String, String> sources, String name, String value, String source)
    {
        values.put(name, value);
        sources.put(name, source);
    }
}
