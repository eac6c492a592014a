package dev.backfillfleet.embedded;

import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.queue.DeadLetter;
import dev.backfillfleet.queue.Delivery;
import dev.backfillfleet.queue.QueueConsumer;
import dev.backfillfleet.queue.QueueSettings;
import dev.backfillfleet.queue.QueuedMessages;
import dev.backfillfleet.queue.WorkMessageCodec;
import dev.backfillfleet.queue.WorkQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * The embedded work queue: a SQLite table of messages shared by every process on the machine,
 * with Pub/Sub's delivery rules. A pull leases messages by pushing their visibility past the
 * ack deadline under a fresh ack token; ack deletes, release and defer make the message visible
 * again later, and a message pulled after its last allowed attempt moves to the dead letters.
 * A settle with a stale token (the deadline expired and someone else got the message) is
 * ignored, as Pub/Sub ignores a late ack.
 *
 * <p>An ack is written with the next pull, in its transaction: every ack frees the slot that
 * the consumer's next pull fills, so this halves the queue's write transactions per date. Like a
 * Pub/Sub ack, it is best effort: one lost with a crashed process only means a redelivery,
 * which the claim answers as a duplicate. Acks still waiting are written on close, and the
 * poller writes them within its idle interval when nothing is left to pull.
 */
public final class SqliteWorkQueue
        implements WorkQueue, QueuedMessages, AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(SqliteWorkQueue.class);
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS message (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                body TEXT NOT NULL,
                published_at INTEGER NOT NULL,
                delivery_attempts INTEGER NOT NULL DEFAULT 0,
                visible_at INTEGER NOT NULL,
                ack_token TEXT,
                dead INTEGER NOT NULL DEFAULT 0,
                dead_reason TEXT,
                times_given_back INTEGER NOT NULL DEFAULT 0
            )""";
    // a queue.db made before times_given_back existed gets the column (SqliteDatabase skips it when it is there)
    private static final String ADD_TIMES_GIVEN_BACK = "ALTER TABLE message ADD COLUMN times_given_back INTEGER NOT NULL DEFAULT 0";
    private static final String VISIBILITY_INDEX = "CREATE INDEX IF NOT EXISTS message_by_visibility ON message (dead, visible_at)";

    private final SqliteDatabase database;
    private final QueueSettings settings;
    private final Clock clock;
    private final ConcurrentLinkedQueue<SqliteDelivery> pendingAcks = new ConcurrentLinkedQueue<>();

    public SqliteWorkQueue(SqliteDatabase database, QueueSettings settings, Clock clock)
    {
        this.database = requireNonNull(database, "database is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public static SqliteWorkQueue open(Path file, QueueSettings settings, Clock clock)
    {
        return new SqliteWorkQueue(SqliteDatabase.open(file, SCHEMA, ADD_TIMES_GIVEN_BACK, VISIBILITY_INDEX), settings, clock);
    }

    /** The queue for reading only (its backlog): a file that does not exist reads as empty and is not created. */
    public static SqliteWorkQueue openReadOnly(Path file, QueueSettings settings, Clock clock)
    {
        return new SqliteWorkQueue(SqliteDatabase.readOnly(file, SCHEMA, ADD_TIMES_GIVEN_BACK, VISIBILITY_INDEX), settings, clock);
    }

    public QueueSettings settings()
    {
        return settings;
    }

    @Override
    public void publish(List<WorkItem> items)
    {
        if (items.isEmpty()) {
            return;
        }
        database.write(connection -> {
            long now = clock.millis();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO message (body, published_at, visible_at) VALUES (?, ?, ?)")) {
                for (WorkItem item : items) {
                    insert.setString(1, WorkMessageCodec.encode(item));
                    insert.setLong(2, now);
                    insert.setLong(3, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Publishes a raw body, as a person with a broken producer might. For tests and tools. */
    public void publishRaw(String body)
    {
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO message (body, published_at, visible_at) VALUES (?, ?, ?)")) {
                insert.setString(1, body);
                insert.setLong(2, clock.millis());
                insert.setLong(3, clock.millis());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public QueueConsumer subscribe(int maxOutstanding, Consumer<Delivery> handler, Consumer<FleetException> onFailure)
    {
        return new PollingConsumer<>("queue-" + database.file().getFileName(), maxOutstanding, this::pull, handler,
                Delivery::release, settings.ackDeadline(), this::extend, onFailure);
    }

    @Override
    public QueueConsumer subscribeDeadLetters(Consumer<DeadLetter> handler)
    {
        return new PollingConsumer<DeadLetter>("dead-letters", 1, this::pullDeadLetters,
                deadLetter -> {
                    handler.accept(deadLetter);
                    deleteDeadLetter(deadLetter);
                },
                (deadLetter, delay) -> {}, settings.ackDeadline(), tokens -> {}, failure -> {});
    }

    @Override
    public OptionalLong backlog()
    {
        return OptionalLong.of(database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM message WHERE dead = 0");
                    ResultSet resultSet = statement.executeQuery()) {
                resultSet.next();
                return resultSet.getLong(1);
            }
        }));
    }

    /**
     * The (table, date)s that have a message here, live or dead-lettered (a worker records a dead
     * letter's date FAILED, so it is not stranded either); unreadable bodies have none. Reads only.
     */
    @Override
    public String where()
    {
        return database.file().getFileName().toString();
    }

    @Override
    public Set<DateKey> keysWithAMessage()
    {
        return database.read(connection -> {
            Set<DateKey> keys = new HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT body FROM message");
                    ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    try {
                        keys.add(WorkMessageCodec.decode(resultSet.getString(1)).key());
                    }
                    catch (FleetException unreadable) {
                        // goes to the dead letters when pulled: it stands for no date
                    }
                }
            }
            return keys;
        });
    }

    /** Dead letters not yet consumed. */
    public long deadLetterCount()
    {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM message WHERE dead = 1");
                    ResultSet resultSet = statement.executeQuery()) {
                resultSet.next();
                return resultSet.getLong(1);
            }
        });
    }

    private List<Delivery> pull(int max)
    {
        if (pendingAcks.isEmpty() && !anyVisible(0)) {
            return List.of();
        }
        return writeWithPendingAcks(connection -> leaseVisible(connection, max));
    }

    /** Writes the acks that wait for a pull. */
    void flushAcks()
    {
        if (!pendingAcks.isEmpty()) {
            writeWithPendingAcks(connection -> null);
        }
    }

    /** {@code work} in a write transaction that first deletes the acked messages; a failed one keeps the acks for the next. */
    private <T> T writeWithPendingAcks(SqliteDatabase.SqlWork<T> work)
    {
        List<SqliteDelivery> acks = new ArrayList<>();
        for (SqliteDelivery ack = pendingAcks.poll(); ack != null; ack = pendingAcks.poll()) {
            acks.add(ack);
        }
        try {
            return database.write(connection -> {
                deleteAcked(connection, acks);
                return work.run(connection);
            });
        }
        catch (RuntimeException e) {
            pendingAcks.addAll(acks);
            throw e;
        }
    }

    private static void deleteAcked(Connection connection, List<SqliteDelivery> acks)
            throws SQLException
    {
        if (acks.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM message WHERE id = ? AND ack_token = ?")) {
            for (SqliteDelivery ack : acks) {
                delete.setLong(1, ack.id);
                delete.setString(2, ack.token);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** Leases up to {@code max} visible messages; buries those past their last attempt or unreadable. */
    private List<Delivery> leaseVisible(Connection connection, int max)
            throws SQLException
    {
        long now = clock.millis();
        List<PendingPull> visible = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, body, delivery_attempts, times_given_back FROM message WHERE dead = 0 AND visible_at <= ? ORDER BY visible_at, id LIMIT ?");
                PreparedStatement lease = connection.prepareStatement(
                        "UPDATE message SET delivery_attempts = delivery_attempts + 1, visible_at = ?, ack_token = ? WHERE id = ?");
                PreparedStatement bury = connection.prepareStatement(
                        "UPDATE message SET dead = 1, dead_reason = ?, visible_at = ?, ack_token = NULL WHERE id = ?")) {
            select.setLong(1, now);
            select.setInt(2, max);
            try (ResultSet resultSet = select.executeQuery()) {
                while (resultSet.next()) {
                    visible.add(new PendingPull(resultSet.getLong(1), resultSet.getString(2), resultSet.getInt(3), resultSet.getInt(4)));
                }
            }
            List<Delivery> deliveries = new ArrayList<>();
            for (PendingPull message : visible) {
                Optional<WorkItem> item = Optional.empty();
                String deadReason = null;
                if (message.attempts() >= settings.maxDeliveryAttempts()) {
                    deadReason = "maximum delivery attempts (" + settings.maxDeliveryAttempts() + ") reached";
                }
                else {
                    try {
                        item = Optional.of(WorkMessageCodec.decode(message.body()));
                    }
                    catch (FleetException e) {
                        deadReason = e.getMessage();
                    }
                }
                if (item.isEmpty()) {
                    bury.setString(1, deadReason);
                    bury.setLong(2, now);
                    bury.setLong(3, message.id());
                    bury.executeUpdate();
                    continue;
                }
                String token = UUID.randomUUID().toString();
                lease.setLong(1, now + settings.ackDeadline().toMillis());
                lease.setString(2, token);
                lease.setLong(3, message.id());
                lease.executeUpdate();
                deliveries.add(new SqliteDelivery(message.id(), token, item.get(), message.attempts() + 1, message.timesGivenBack()));
            }
            return deliveries;
        }
    }

    private boolean anyVisible(int dead)
    {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM message WHERE dead = ? AND visible_at <= ? LIMIT 1")) {
                statement.setInt(1, dead);
                statement.setLong(2, clock.millis());
                try (ResultSet resultSet = statement.executeQuery()) {
                    return resultSet.next();
                }
            }
        });
    }

    private List<DeadLetter> pullDeadLetters(int max)
    {
        if (!anyVisible(1)) {
            return List.of();
        }
        return database.write(connection -> {
            List<DeadLetter> result = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, body, delivery_attempts, dead_reason FROM message WHERE dead = 1 AND visible_at <= ? ORDER BY id LIMIT ?");
                    PreparedStatement hide = connection.prepareStatement("UPDATE message SET visible_at = ? WHERE id = ?")) {
                select.setLong(1, clock.millis());
                select.setInt(2, max);
                try (ResultSet resultSet = select.executeQuery()) {
                    while (resultSet.next()) {
                        String body = resultSet.getString(2);
                        Optional<WorkItem> item;
                        try {
                            item = Optional.of(WorkMessageCodec.decode(body));
                        }
                        catch (FleetException e) {
                            item = Optional.empty();
                        }
                        result.add(new DeadLetter(Long.toString(resultSet.getLong(1)), item, body, resultSet.getInt(3), resultSet.getString(4)));
                    }
                }
                for (DeadLetter deadLetter : result) {
                    hide.setLong(1, clock.millis() + settings.ackDeadline().toMillis());
                    hide.setLong(2, Long.parseLong(deadLetter.messageId()));
                    hide.executeUpdate();
                }
            }
            return result;
        });
    }

    private void deleteDeadLetter(DeadLetter deadLetter)
    {
        database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM message WHERE id = ? AND dead = 1")) {
                delete.setLong(1, Long.parseLong(deadLetter.messageId()));
                delete.executeUpdate();
            }
            return null;
        });
    }

    private void extend(Collection<Delivery> deliveries)
    {
        if (deliveries.isEmpty()) {
            return;
        }
        database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE message SET visible_at = ? WHERE id = ? AND ack_token = ?")) {
                for (Delivery delivery : deliveries) {
                    SqliteDelivery sqliteDelivery = (SqliteDelivery) delivery;
                    statement.setLong(1, clock.millis() + settings.ackDeadline().toMillis());
                    statement.setLong(2, sqliteDelivery.id);
                    statement.setString(3, sqliteDelivery.token);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void close()
    {
        try {
            flushAcks();
        }
        catch (RuntimeException e) {
            // a broken environment (a full disk) is reported once, by whoever stops for it: not again here
            if (FleetException.classify(e) == ErrorClass.ENVIRONMENT) {
                log.debug("could not write {} acks before closing: {}", pendingAcks.size(), e.getMessage());
            }
            else {
                log.warn("could not write {} acks before closing; their messages are redelivered and answered as duplicates: {}", pendingAcks.size(), e.getMessage());
            }
        }
        database.close();
    }

    private record PendingPull(long id, String body, int attempts, int timesGivenBack) {}

    private final class SqliteDelivery
            implements Delivery
    {
        private final long id;
        private final String token;
        private final WorkItem item;
        private final int attempt;
        private final int timesGivenBack;

        SqliteDelivery(long id, String token, WorkItem item, int attempt, int timesGivenBack)
        {
            this.id = id;
            this.token = token;
            this.item = item;
            this.attempt = attempt;
            this.timesGivenBack = timesGivenBack;
        }

        @Override
        public int timesDeferred()
        {
            return timesGivenBack;
        }

        @Override
        public WorkItem item()
        {
            return item;
        }

        @Override
        public String messageId()
        {
            return Long.toString(id);
        }

        @Override
        public int deliveryAttempt()
        {
            return attempt;
        }

        @Override
        public void ack()
        {
            pendingAcks.add(this);
        }

        @Override
        public void release(Duration delay)
        {
            settle("UPDATE message SET visible_at = ?, ack_token = NULL, times_given_back = times_given_back + 1 WHERE id = ? AND ack_token = ?", delay);
        }

        @Override
        public void defer(Duration delay)
        {
            settle("UPDATE message SET visible_at = ?, ack_token = NULL, delivery_attempts = max(0, delivery_attempts - 1), "
                    + "times_given_back = times_given_back + 1 WHERE id = ? AND ack_token = ?", delay);
        }

        private void settle(String sql, Duration delay)
        {
            database.write(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setLong(1, clock.millis() + delay.toMillis());
                    statement.setLong(2, id);
                    statement.setString(3, token);
                    statement.executeUpdate();
                }
                return null;
            });
        }
    }
}
