package dev.backfillfleet.embedded;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static dev.backfillfleet.testing.ConfigAssertions.assertFullMapping;
import static dev.backfillfleet.testing.ConfigAssertions.assertRecordedDefaults;

class TestEmbeddedConfig
{
    @Test
    void defaults()
    {
        assertRecordedDefaults(EmbeddedConfig.KEYS, EmbeddedConfig::from, new EmbeddedConfig(Path.of(".backfill"), true));
    }

    @Test
    void explicitPropertyMappings()
    {
        assertFullMapping(EmbeddedConfig.KEYS, Map.of(
                        "backfill.home", "/srv/backfill",
                        "backfill.demo-data", "false"),
                EmbeddedConfig::from,
                new EmbeddedConfig(Path.of("/srv/backfill"), false));
    }
}
