package dev.backfillfleet.config;

import dev.backfillfleet.domain.FleetException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that reads configuration: the properties file in the home directory, the
 * environment and the command line, lowest precedence first. It knows the keys (each concern's
 * configuration class declares its own) and the few other variables it is asked to read, and
 * rejects a key it does not know; what the values mean, and whether they are good, is for the
 * configuration classes to say.
 */
public final class ConfigLoader
{
    public static final String FILE_NAME = "backfill.properties";
    public static final String COMMAND_LINE = "the command line";
    /** Where the properties file is, and the embedded backend's files. */
    public static final ConfigKey HOME = new ConfigKey("backfill.home", ".backfill", "directory of the embedded queue, state and warehouse, and of backfill.properties");

    private ConfigLoader() {}

    /** With this process's environment. */
    public static ConfigValues load(List<ConfigKey> keys, List<String> variables, Map<String, String> commandLine)
    {
        return load(keys, variables, System.getenv(), commandLine);
    }

    /**
     * @param keys every key there is ({@link #HOME} among them)
     * @param variables environment variables to read besides the keys' own, e.g. {@code PUBSUB_EMULATOR_HOST}
     */
    public static ConfigValues load(List<ConfigKey> keys, List<String> variables, Map<String, String> environment, Map<String, String> commandLine)
    {
        Map<String, String> values = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        Set<String> known = keys.stream().map(ConfigKey::name).collect(Collectors.toSet());

        String home = commandLine.getOrDefault(HOME.name(), environment.getOrDefault(HOME.environmentVariable(), HOME.defaultValue()));
        Path file = Path.of(home).resolve(FILE_NAME);
        if (Files.isDirectory(file)) {
            throw FleetException.userError(file + " is a directory: the configuration file must be a file of key=value lines (move the directory away)");
        }
        if (Files.isRegularFile(file)) {
            Properties properties = read(file);
            List<String> unknown = properties.stringPropertyNames().stream().filter(name -> !known.contains(name)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw FleetException.userError("unknown configuration keys in " + file + ": " + unknown.stream().map(name -> name + closest(name, known)).toList()
                        + "; remove or correct them (the keys are listed in the README's Configuration table)");
            }
            properties.stringPropertyNames().forEach(name -> put(values, sources, name, properties.getProperty(name), file.toString()));
        }
        for (ConfigKey key : keys) {
            String value = environment.get(key.environmentVariable());
            if (value != null) {
                put(values, sources, key.name(), value, "environment variable " + key.environmentVariable());
            }
        }
        commandLine.forEach((name, value) -> {
            if (!known.contains(name)) {
                throw FleetException.userError("unknown configuration key '" + name + "' (given with --set)" + closest(name, known)
                        + "; the keys are listed in the README's Configuration table");
            }
            put(values, sources, name, value, COMMAND_LINE);
        });
        Map<String, String> read = new HashMap<>();
        for (String variable : variables) {
            Optional.ofNullable(environment.get(variable)).ifPresent(value -> read.put(variable, value));
        }
        return new ConfigValues(keys, values, sources, read);
    }

    /** The file's key=value lines; a file that cannot be read or parsed is named, with what to do. */
    private static Properties read(Path file)
    {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            return properties;
        }
        catch (CharacterCodingException e) {
            throw FleetException.userError(file + " is not UTF-8 text: save it as UTF-8 (key=value lines)");
        }
        catch (IOException e) {
            throw FleetException.userError("cannot read " + file + " (" + e.getMessage() + "): check that this user may read it");
        }
        catch (IllegalArgumentException e) {
            // Properties#load's only complaint: a backslash-u escape that is not four hex digits
            throw FleetException.userError(file + " is malformed (" + e.getMessage() + "): write a backslash as \\\\, or a character as \\uXXXX");
        }
    }

    /** {@code ; did you mean backfill.lease-seconds?} for a key one or two edits from a known one. */
    private static String closest(String name, Set<String> known)
    {
        return known.stream()
                .filter(candidate -> editDistance(name, candidate) <= Math.max(2, name.length() / 5))
                .min(java.util.Comparator.comparingInt(candidate -> editDistance(name, candidate)))
                .map(candidate -> " (did you mean " + candidate + "?)")
                .orElse("");
    }

    private static int editDistance(String a, String b)
    {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static void put(Map<String, String> values, Map<String, String> sources, String name, String value, String source)
    {
        values.put(name, value);
        sources.put(name, source);
    }
}
