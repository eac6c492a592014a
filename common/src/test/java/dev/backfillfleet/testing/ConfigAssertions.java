package dev.backfillfleet.testing;

import dev.backfillfleet.config.ConfigKey;
import dev.backfillfleet.config.ConfigLoader;
import dev.backfillfleet.config.ConfigReader;
import dev.backfillfleet.config.ConfigValues;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recorded defaults and full mappings of a configuration class, as Airlift's ConfigAssertions
 * check them: what a class reads from nothing is exactly its defaults, and a map that sets every
 * one of its keys to something else reads as exactly the values expected, with no problem found.
 */
public final class ConfigAssertions
{
    private ConfigAssertions() {}

    /** Every key of the class at its default: {@code section} reads {@code expected}, and nothing is wrong. */
    public static <T> void assertRecordedDefaults(List<ConfigKey> keys, Function<ConfigReader, T> section, T expected)
    {
        assertThat(keys).as("a configuration class declares its keys").isNotEmpty();
        assertThat(read(keys, Map.of(), section)).as("what the keys' defaults read as").isEqualTo(expected);
    }

    /**
     * {@code properties} names every key of the class, each with a value other than its default:
     * {@code section} reads {@code expected} from them.
     */
    public static <T> void assertFullMapping(List<ConfigKey> keys, Map<String, String> properties, Function<ConfigReader, T> section, T expected)
    {
        assertThat(properties.keySet()).as("the mapping sets every key of the class").containsExactlyInAnyOrderElementsOf(keys.stream().map(ConfigKey::name).toList());
        for (ConfigKey key : keys) {
            assertThat(properties.get(key.name())).as("%s is set to something other than its default", key.name()).isNotEqualTo(key.defaultValue());
        }
        assertThat(read(keys, properties, section)).as("what the mapping reads as").isEqualTo(expected);
        assertThat(section.apply(new ConfigReader(new ConfigValues(keys, Map.of(), Map.of(), Map.of())))).as("the defaults read differently from the mapping")
                .isNotEqualTo(expected);
    }

    private static <T> T read(List<ConfigKey> keys, Map<String, String> properties, Function<ConfigReader, T> section)
    {
        Map<String, String> sources = properties.keySet().stream().collect(Collectors.toMap(name -> name, name -> ConfigLoader.COMMAND_LINE));
        ConfigReader reader = new ConfigReader(new ConfigValues(keys, properties, sources, Map.of()));
        T read = section.apply(reader);
        reader.validate();
        return read;
    }
}
