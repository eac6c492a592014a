package dev.backfillfleet.coordinator.command;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Run ids that sort by time and read well in the state records: {@code 20261129T031500Z-1a2b3c}. */
final class RunIds
{
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RunIds() {}

    static String newRunId(Instant now)
    {
        return FORMAT.format(now) + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
