package dev.backfillfleet.config;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * TEST ONLY: shifts this process's clock (logs, processed_at, the synthetic row, what a worker
 * believes the date is) by an offset, as a machine whose clock is wrong would. The state store's
 * time is not shifted: leases are judged by the store (docs/clocks-and-faults.md), which is what
 * the skewed-clock scenarios prove. Refused unless {@code backfill.allow-test-settings=true}, so
 * that a stray variable cannot skew a production worker.
 */
public record TestClockConfig(Duration offset)
{
    public static final ConfigKey ALLOW_TEST_SETTINGS = new ConfigKey("backfill.allow-test-settings", "false",
            "TEST ONLY: allow settings that exist for tests (backfill.test-clock-offset-seconds); never in production");
    public static final ConfigKey OFFSET_SECONDS = new ConfigKey("backfill.test-clock-offset-seconds", "0",
            "TEST ONLY: shift this process's clock by this many seconds (the state store's time is not shifted); needs backfill.allow-test-settings=true");
    public static final List<ConfigKey> KEYS = List.of(ALLOW_TEST_SETTINGS, OFFSET_SECONDS);

    private static final int A_YEAR = 366 * 24 * 3600;

    public TestClockConfig
    {
        requireNonNull(offset, "offset is null");
    }

    public static TestClockConfig from(ConfigReader reader)
    {
        int seconds = reader.integer(OFFSET_SECONDS, -A_YEAR, A_YEAR);
        if (seconds != 0 && !reader.bool(ALLOW_TEST_SETTINGS)) {
            reader.problem(OFFSET_SECONDS, "is a test-only setting: it needs backfill.allow-test-settings=true; remove it outside tests");
            return new TestClockConfig(Duration.ZERO);
        }
        return new TestClockConfig(Duration.ofSeconds(seconds));
    }
}
