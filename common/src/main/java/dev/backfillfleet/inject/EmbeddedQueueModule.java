package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backfillfleet.config.QueueConfig;
import dev.backfillfleet.embedded.EmbeddedConfig;
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
    static WorkQueue workQueue(EmbeddedConfig embedded, QueueConfig queue, AccessMode access, Clock clock, Lifecycle lifecycle)
    {
        Path file = embedded.home().resolve("queue.db");
        return lifecycle.register(access == AccessMode.READ_ONLY
                ? SqliteWorkQueue.openReadOnly(file, queue.settings(), clock)
                : SqliteWorkQueue.open(file, queue.settings(), clock));
    }
}
