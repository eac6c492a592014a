package dev.backfillfleet.embedded;

import dev.backfillfleet.config.ConfigKey;
import dev.backfillfleet.config.ConfigLoader;
import dev.backfillfleet.config.ConfigReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The embedded adapters: the directory of their files ({@code queue.db}, {@code state.db},
 * {@code warehouse.db}) and whether the warehouse is seeded with the demo league on first use.
 */
public record EmbeddedConfig(Path home, boolean demoData)
{
    public static final ConfigKey DEMO_DATA = new ConfigKey("backfill.demo-data", "true",
            "seed the embedded warehouse with the demo league on first use (false: start empty, e.g. to import real data)");
    public static final List<ConfigKey> KEYS = List.of(ConfigLoader.HOME, DEMO_DATA);

    public EmbeddedConfig
    {
        requireNonNull(home, "home is null");
    }

    public static EmbeddedConfig from(ConfigReader reader)
    {
        Path home = Path.of(reader.text(ConfigLoader.HOME));
        if (Files.exists(home) && !Files.isDirectory(home)) {
            reader.problem(ConfigLoader.HOME, "is a file, not a directory");
        }
        return new EmbeddedConfig(home, reader.bool(DEMO_DATA));
    }
}
