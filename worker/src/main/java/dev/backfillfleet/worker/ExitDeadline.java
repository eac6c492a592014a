package dev.backfillfleet.worker;

import dev.backfillfleet.cli.ExitCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The last step of a shutdown's budget: if the drain and the closes have not ended the process
 * by the deadline, it exits then, before the platform's SIGKILL. What was given back stays given
 * back; a client not closed loses nothing (a message not yet nacked comes back when its ack
 * deadline expires, a lease not given back when it expires).
 */
final class ExitDeadline
{
    private static final Logger log = LoggerFactory.getLogger(ExitDeadline.class);

    private ExitDeadline() {}

    static void start(Duration within)
    {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "exit-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.schedule(() -> {
            log.warn("shutdown still closing after {} ms: exiting now, before the platform's kill", within.toMillis());
            Runtime.getRuntime().halt(ExitCodes.SUCCESS);
        }, within.toMillis(), TimeUnit.MILLISECONDS);
    }
}
