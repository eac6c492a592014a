package dev.backfillfleet.pubsub;

import dev.backfillfleet.config.ConfigKey;
import dev.backfillfleet.config.ConfigReader;
import dev.backfillfleet.config.QueueConfig;
import dev.backfillfleet.config.WorkerConfig;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The Pub/Sub work queue: its topics and subscriptions, the subscription's retry policy, how
 * workers pull, and, from {@code PUBSUB_EMULATOR_HOST} (which the client library does not read
 * itself), an emulator to use instead of Pub/Sub.
 */
public record PubSubConfig(
        String topic,
        String subscription,
        String deadLetterTopic,
        String deadLetterSubscription,
        Duration retryMinimumBackoff,
        PubSubQueueSettings.PullMode pullMode,
        Duration connectTimeout,
        Optional<String> emulatorHost)
{
    public static final String EMULATOR_HOST_VARIABLE = "PUBSUB_EMULATOR_HOST";

    public static final ConfigKey TOPIC = new ConfigKey("backfill.pubsub-topic", "backfill-work", "Pub/Sub topic of work messages");
    public static final ConfigKey SUBSCRIPTION = new ConfigKey("backfill.pubsub-subscription", "backfill-work-workers", "Pub/Sub subscription workers pull");
    public static final ConfigKey DEAD_LETTER_TOPIC = new ConfigKey("backfill.pubsub-dead-letter-topic", "backfill-work-dead-letter", "Pub/Sub dead-letter topic");
    public static final ConfigKey DEAD_LETTER_SUBSCRIPTION = new ConfigKey("backfill.pubsub-dead-letter-subscription", "backfill-work-dead-letter-workers",
            "subscription on the dead-letter topic");
    public static final ConfigKey RETRY_MIN_BACKOFF_SECONDS = new ConfigKey("backfill.pubsub-retry-min-backoff-seconds", "1",
            "subscription retry policy: minimum backoff after a nack (0-600)");
    public static final ConfigKey PULL_MODE = new ConfigKey("backfill.pubsub-pull-mode", "streaming",
            "streaming | unary: how workers pull Pub/Sub (unary: synchronous Pull, for the emulator)");
    public static final ConfigKey CONNECT_TIMEOUT_SECONDS = new ConfigKey("backfill.connect-timeout-seconds", "10",
            "how long a Pub/Sub admin call (setup, the start-up check) waits before an unreachable host is reported (1-300)");
    public static final List<ConfigKey> KEYS = List.of(TOPIC, SUBSCRIPTION, DEAD_LETTER_TOPIC, DEAD_LETTER_SUBSCRIPTION, RETRY_MIN_BACKOFF_SECONDS, PULL_MODE,
            CONNECT_TIMEOUT_SECONDS);

    // Topic.name and Subscription.name (https://cloud.google.com/pubsub/docs/reference/rpc/google.pubsub.v1#topic)
    private static final Pattern NAME = Pattern.compile("(?!goog)[A-Za-z][A-Za-z0-9._~+%-]{2,254}");
    private static final String NAME_RULE = "a Pub/Sub name: 3-255 letters, digits and - _ . ~ + %, starting with a letter, not with 'goog'";

    public PubSubConfig
    {
        requireNonNull(topic, "topic is null");
        requireNonNull(subscription, "subscription is null");
        requireNonNull(deadLetterTopic, "deadLetterTopic is null");
        requireNonNull(deadLetterSubscription, "deadLetterSubscription is null");
        requireNonNull(retryMinimumBackoff, "retryMinimumBackoff is null");
        requireNonNull(pullMode, "pullMode is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(emulatorHost, "emulatorHost is null");
    }

    public static PubSubConfig from(ConfigReader reader)
    {
        // a dead-letter policy takes 5-100 delivery attempts (DeadLetterPolicy.max_delivery_attempts,
        // https://cloud.google.com/pubsub/docs/reference/rpc/google.pubsub.v1#deadletterpolicy)
        int deliveries = reader.integer(QueueConfig.MAX_DELIVERY_ATTEMPTS, 1, 100);
        if (deliveries < 5) {
            reader.problem(QueueConfig.MAX_DELIVERY_ATTEMPTS, "must be between 5 and 100");
        }
        Duration minimumBackoff = Duration.ofSeconds(reader.integer(RETRY_MIN_BACKOFF_SECONDS, 0, 600));
        // the retry policy's maximum backoff is the longest wait of a deferred date
        int maximumBackoff = reader.integer(WorkerConfig.MAX_DEFER_SECONDS, 1, 600);
        if (minimumBackoff.toSeconds() > maximumBackoff) {
            reader.problem(RETRY_MIN_BACKOFF_SECONDS, "must not exceed backfill.max-defer-seconds (" + maximumBackoff + "), the retry policy's maximum backoff");
        }
        return new PubSubConfig(
                reader.name(TOPIC, NAME, NAME_RULE),
                reader.name(SUBSCRIPTION, NAME, NAME_RULE),
                reader.name(DEAD_LETTER_TOPIC, NAME, NAME_RULE),
                reader.name(DEAD_LETTER_SUBSCRIPTION, NAME, NAME_RULE),
                minimumBackoff,
                PubSubQueueSettings.PullMode.parse(reader.choice(PULL_MODE, List.of("streaming", "unary"))),
                Duration.ofSeconds(reader.integer(CONNECT_TIMEOUT_SECONDS, 1, 300)),
                reader.variable(EMULATOR_HOST_VARIABLE));
    }
}
