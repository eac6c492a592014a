package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.BackfillRun;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** A new run as this operator starts it: its id, who (user@host) and when. */
public final class RunRecords
{
    private RunRecords() {}

    public static BackfillRun newRun(Clock clock, String command, List<AnalyticsTable> tables, String dates, int keys)
    {
        Instant now = clock.instant();
        return new BackfillRun(RunIds.newRunId(now), now, operator(), command, tables, dates, keys);
    }

    /** user@host, as the records of what an operator did say who did it. */
    public static String operator()
    {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (Exception e) {
            host = "localhost";
        }
        return System.getProperty("user.name", "unknown") + "@" + host;
    }
}
