package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.embedded.SqliteWorkQueue;
import dev.backfillfleet.queue.WorkQueue;

import java.nio.file.Path;
import java.time.Clock;

/** The embedded work queue: {@code $BACKFILL_HOME/queue.db}, opened on first use. */
public final class EmbeddedQueueModule
        extends AbstractModule
{
    @Provides
    @Singleton
    static WorkQueue workQueue(FleetConfig config, AccessMode access, Clock clock, Lifecycle lifecycle)
    {
        Path file = config.home().resolve("queue.db");
        return lifecycle.register(access == AccessMode.READ_ONLY
                ? SqliteWorkQueue.openReadOnly(file, config.queueSettings(), clock)
                : SqliteWorkQueue.open(file, config.queueSettings(), clock));
    }
}
