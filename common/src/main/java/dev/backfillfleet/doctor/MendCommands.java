package dev.backfillfleet.doctor;

import dev.backfillfleet.config.AdapterSelection;
import dev.backfillfleet.config.ConfigKey;
import dev.backfillfleet.config.ConfigLoader;
import dev.backfillfleet.config.ConfigValues;
import dev.backfillfleet.config.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Mends as commands one can paste: {@code coordinator VERB ARGS} with the connection options that
 * this doctor was given on its command line ({@code --home}, {@code --backend}, {@code --set ...}),
 * since the environment and the properties file apply by themselves.
 */
public final class MendCommands
{
    private static final Map<ConfigKey, String> OPTIONS = Map.of(
            ConfigLoader.HOME, "--home",
            AdapterSelection.BACKEND, "--backend",
            AdapterSelection.QUEUE, "--queue",
            AdapterSelection.STATE, "--state",
            AdapterSelection.WAREHOUSE, "--warehouse");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    private final String connection;

    public MendCommands(Configuration configuration)
    {
        ConfigValues config = configuration.values();
        List<String> words = new ArrayList<>();
        for (ConfigKey key : config.keys()) {
            if (!config.sourceOf(key).equals(ConfigLoader.COMMAND_LINE)) {
                continue;
            }
            String option = OPTIONS.get(key);
            if (option != null) {
                words.add(option);
                words.add(quote(config.get(key)));
            }
            else {
                words.add("--set");
                words.add(quote(key.name() + "=" + config.get(key)));
            }
        }
        this.connection = String.join(" ", words);
    }

    /** {@code coordinator VERB ARGS [connection options]}. */
    public String coordinator(String verb, String... args)
    {
        List<String> words = new ArrayList<>(List.of("coordinator", verb));
        words.addAll(List.of(args));
        if (!connection.isEmpty()) {
            words.add(connection);
        }
        return String.join(" ", words);
    }

    /** A value as one shell word. */
    public static String quote(String value)
    {
        return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
