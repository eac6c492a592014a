package dev.backfillfleet.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.backfillfleet.testing.ConfigAssertions.assertFullMapping;
import static dev.backfillfleet.testing.ConfigAssertions.assertRecordedDefaults;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTestClockConfig
{
    @Test
    void defaults()
    {
        assertRecordedDefaults(TestClockConfig.KEYS, TestClockConfig::from, new TestClockConfig(Duration.ZERO));
    }

    @Test
    void explicitPropertyMappings()
    {
        assertFullMapping(TestClockConfig.KEYS, Map.of(
                        "backfill.allow-test-settings", "true",
                        "backfill.test-clock-offset-seconds", "-90"),
                TestClockConfig::from,
                new TestClockConfig(Duration.ofSeconds(-90)));
    }

    @Test
    void anOffsetIsRefusedUnlessTestSettingsAreAllowed()
    {
        ConfigValues values = new ConfigValues(TestClockConfig.KEYS, Map.of("backfill.test-clock-offset-seconds", "60"),
                Map.of("backfill.test-clock-offset-seconds", ConfigLoader.COMMAND_LINE), Map.of());
        ConfigReader reader = new ConfigReader(values);
        TestClockConfig.from(reader);
        assertThatThrownBy(reader::validate)
                .hasMessageContaining("backfill.test-clock-offset-seconds = '60' is a test-only setting")
                .hasMessageContaining("backfill.allow-test-settings=true");
    }
}
