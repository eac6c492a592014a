package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.embedded.SqliteWorkQueue;
import dev.backfillfleet.queue.WorkQueue;

import java.time.Clock;

/** The embedded work queue: {@code $BACKFILL_HOME/queue.db}. */
public final class EmbeddedQueueModule
        extends AbstractModule
{
    @Provides
    @Singleton
    static WorkQueue workQueue(FleetConfig config, Clock clock, Lifecycle lifecycle)
    {
        return lifecycle.register(SqliteWorkQueue.open(config.home().resolve("queue.db"), config.queueSettings(), clock));
    }
}
