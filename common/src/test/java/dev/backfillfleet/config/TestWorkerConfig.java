package dev.backfillfleet.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.backfillfleet.testing.ConfigAssertions.assertFullMapping;
import static dev.backfillfleet.testing.ConfigAssertions.assertRecordedDefaults;

class TestWorkerConfig
{
    @Test
    void defaults()
    {
        assertRecordedDefaults(WorkerConfig.KEYS, WorkerConfig::from, new WorkerConfig(4, 100, Duration.ofSeconds(1), Duration.ofSeconds(60), java.nio.file.Path.of(".")));
    }

    @Test
    void explicitPropertyMappings()
    {
        assertFullMapping(WorkerConfig.KEYS, Map.of(
                        "backfill.worker-concurrency", "64",
                        "backfill.table-concurrency", "12",
                        "backfill.dependency-delay-millis", "250",
                        "backfill.max-defer-seconds", "600",
                        "backfill.command-directory", "/opt/tables"),
                WorkerConfig::from,
                new WorkerConfig(64, 12, Duration.ofMillis(250), Duration.ofMinutes(10), java.nio.file.Path.of("/opt/tables")));
    }
}
