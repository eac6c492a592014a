package dev.backfillfleet.embedded;

import dev.backfillfleet.queue.AbstractWorkQueueTest;
import dev.backfillfleet.queue.QueueSettings;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.testing.TestingClock;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class TestSqliteWorkQueue
        extends AbstractWorkQueueTest
{
    @TempDir
    Path directory;
    private SqliteWorkQueue sqliteQueue;

    @Override
    protected WorkQueue createQueue(TestingClock clock, QueueSettings settings)
    {
        sqliteQueue = SqliteWorkQueue.open(directory.resolve("queue.db"), settings, clock);
        return sqliteQueue;
    }

    @Override
    protected void publishRaw(String body)
    {
        sqliteQueue.publishRaw(body);
    }

    @Override
    protected void expireAckDeadlines()
    {
        clock.tick(settings().ackDeadline().plusSeconds(1));
    }

    @Override
    protected void closeQueue()
    {
        sqliteQueue.close();
    }
}
