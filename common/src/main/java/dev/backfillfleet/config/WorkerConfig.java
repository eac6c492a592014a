package dev.backfillfleet.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * How a worker takes on dates: how many at once, the fleet-wide bound per table, how long a
 * date that cannot run yet waits before its message comes back (doubling per delivery), and where
 * command tables' programs run.
 */
public record WorkerConfig(int concurrency, int tableConcurrency, Duration dependencyDelay, Duration maxDeferDelay, Path commandDirectory)
{
    /** The most dates one process runs at once: a thread each, and one lease renewal thread each. */
    public static final int MAX_CONCURRENCY = 256;

    public static final ConfigKey CONCURRENCY = new ConfigKey("backfill.worker-concurrency", "4", "dates one worker process runs at once");
    public static final ConfigKey TABLE_CONCURRENCY = new ConfigKey("backfill.table-concurrency", "100", "fleet-wide bound on dates of one table running at once");
    public static final ConfigKey DEPENDENCY_DELAY_MILLIS = new ConfigKey("backfill.dependency-delay-millis", "1000", "redelivery delay while an upstream date is not done");
    public static final ConfigKey MAX_DEFER_SECONDS = new ConfigKey("backfill.max-defer-seconds", "60",
            "longest wait of a date that cannot run yet (upstream not done, leased elsewhere); the wait doubles per delivery up to this");
    public static final ConfigKey COMMAND_DIRECTORY = new ConfigKey("backfill.command-directory", ".",
            "working directory of command tables' programs (a relative program path is looked up there)");
    public static final List<ConfigKey> KEYS = List.of(CONCURRENCY, TABLE_CONCURRENCY, DEPENDENCY_DELAY_MILLIS, MAX_DEFER_SECONDS, COMMAND_DIRECTORY);

    public WorkerConfig
    {
        requireNonNull(dependencyDelay, "dependencyDelay is null");
        requireNonNull(maxDeferDelay, "maxDeferDelay is null");
        requireNonNull(commandDirectory, "commandDirectory is null");
    }

    public static WorkerConfig from(ConfigReader reader)
    {
        return new WorkerConfig(
                reader.integer(CONCURRENCY, 1, MAX_CONCURRENCY),
                reader.positive(TABLE_CONCURRENCY),
                Duration.ofMillis(reader.integer(DEPENDENCY_DELAY_MILLIS, 0, 600_000)),
                // a Pub/Sub retry policy's backoff is at most 600 s, and a nack's delay comes from it
                Duration.ofSeconds(reader.integer(MAX_DEFER_SECONDS, 1, 600)),
                Path.of(reader.text(COMMAND_DIRECTORY)));
    }
}
