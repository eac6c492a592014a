package dev.backfillfleet.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the loader read: the value of each key set anywhere, where it came from, and the few
 * environment variables that are not keys (the emulator hosts the Google clients honour). A key
 * set nowhere reads as its default.
 *
 * @param keys every key a process may be given, in the order they are listed to people
 */
public record ConfigValues(List<ConfigKey> keys, Map<String, String> values, Map<String, String> sources, Map<String, String> variables)
{
    public static final String DEFAULT_SOURCE = "default";

    public ConfigValues
    {
        keys = List.copyOf(keys);
        values = Map.copyOf(values);
        sources = Map.copyOf(sources);
        variables = Map.copyOf(variables);
        requireNonNull(keys, "keys is null");
    }

    public String get(ConfigKey key)
    {
        return values.getOrDefault(key.name(), key.defaultValue());
    }

    /** Where a key's value came from: the default, a file, the environment, the command line. */
    public String sourceOf(ConfigKey key)
    {
        return sources.getOrDefault(key.name(), DEFAULT_SOURCE);
    }

    /** One of the environment variables the loader reads besides the keys' own, if it is set and not blank. */
    public Optional<String> variable(String name)
    {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }
}
