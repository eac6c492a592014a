package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.backfillfleet.config.QueueConfig;
import dev.backfillfleet.doctor.StorageCheck;
import dev.backfillfleet.embedded.EmbeddedConfig;
import dev.backfillfleet.embedded.SqliteFileCheck;
import dev.backfillfleet.embedded.SqliteWorkQueue;
import dev.backfillfleet.provision.AdapterInUse;
import dev.backfillfleet.provision.Port;
import dev.backfillfleet.queue.QueuedMessages;
import dev.backfillfleet.queue.WorkQueue;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The embedded work queue: {@code $BACKFILL_HOME/queue.db}, opened on first use. Its messages can
 * be listed, and the doctor checks the file.
 */
public final class EmbeddedQueueModule
        extends AbstractModule
{
    @Override
    protected void configure()
    {
        bind(WorkQueue.class).to(SqliteWorkQueue.class);
        OptionalBinder.newOptionalBinder(binder(), QueuedMessages.class).setBinding().to(SqliteWorkQueue.class);
    }

    @Provides
    @Singleton
    static SqliteWorkQueue workQueue(EmbeddedConfig embedded, QueueConfig queue, AccessMode access, Clock clock, Lifecycle lifecycle)
    {
        Path file = file(embedded);
        return lifecycle.register(access == AccessMode.READ_ONLY
                ? SqliteWorkQueue.openReadOnly(file, queue.settings(), clock)
                : SqliteWorkQueue.open(file, queue.settings(), clock));
    }

    @ProvidesIntoSet
    static AdapterInUse adapter(EmbeddedConfig embedded)
    {
        return new AdapterInUse(Port.QUEUE, "embedded", "home " + embedded.home().toAbsolutePath().normalize());
    }

    @ProvidesIntoSet
    static StorageCheck fileCheck(EmbeddedConfig embedded)
    {
        Path file = file(embedded).toAbsolutePath().normalize();
        return new SqliteFileCheck(Port.QUEUE, file, mends -> "move it aside: mv " + file + " " + file.resolveSibling("queue.db.corrupt")
                + ", then " + mends.coordinator("doctor") + " gives the enqueue that republishes the queued dates");
    }

    private static Path file(EmbeddedConfig embedded)
    {
        return embedded.home().resolve("queue.db");
    }
}
