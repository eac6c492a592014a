package dev.backfillfleet.pubsub;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where the work queue lives in Pub/Sub. Topic and subscription names are short ids inside
 * {@code projectId}. {@code emulatorHost} (host:port) points every client at the Pub/Sub
 * emulator; the client library does not read {@code PUBSUB_EMULATOR_HOST} itself, so the
 * configuration loader does ({@link PubSubConfig}).
 *
 * @param maxAckExtensionPeriod how long the client keeps extending the ack deadline of a
 *         delivery still in progress (the client's default and ours: 1 h)
 * @param retryMinimumBackoff the subscription retry policy's minimum backoff after a nack
 *         (0-600 s; Pub/Sub's default is 10 s)
 * @param retryMaximumBackoff the retry policy's maximum backoff (0-600 s; default 600 s)
 * @param pullMode how subscribers receive: {@link PullMode#STREAMING} (the client library's
 *         StreamingPull, the default) or {@link PullMode#UNARY} (a loop of synchronous Pull calls)
 */
public record PubSubQueueSettings(
        String projectId,
        String topic,
        String subscription,
        String deadLetterTopic,
        String deadLetterSubscription,
        Optional<String> emulatorHost,
        Duration maxAckExtensionPeriod,
        Duration retryMinimumBackoff,
        Duration retryMaximumBackoff,
        PullMode pullMode)
{
    public static final Duration DEFAULT_MAX_ACK_EXTENSION_PERIOD = Duration.ofHours(1);
    public static final Duration DEFAULT_RETRY_MINIMUM_BACKOFF = Duration.ofSeconds(10);
    // Pub/Sub's retry policy allows 0-600 s (platform-limits.md)
    public static final Duration MAX_RETRY_BACKOFF = Duration.ofSeconds(600);

    public PubSubQueueSettings
    {
        requireName(projectId, "projectId");
        requireName(topic, "topic");
        requireName(subscription, "subscription");
        requireName(deadLetterTopic, "deadLetterTopic");
        requireName(deadLetterSubscription, "deadLetterSubscription");
        requireNonNull(emulatorHost, "emulatorHost is null");
        requireNonNull(maxAckExtensionPeriod, "maxAckExtensionPeriod is null");
        requireNonNull(retryMinimumBackoff, "retryMinimumBackoff is null");
        requireNonNull(retryMaximumBackoff, "retryMaximumBackoff is null");
        requireNonNull(pullMode, "pullMode is null");
        emulatorHost = emulatorHost.filter(host -> !host.isBlank());
        if (maxAckExtensionPeriod.isNegative() || maxAckExtensionPeriod.isZero()) {
            throw new IllegalArgumentException("maxAckExtensionPeriod must be positive: " + maxAckExtensionPeriod);
        }
        if (retryMinimumBackoff.isNegative() || retryMinimumBackoff.compareTo(retryMaximumBackoff) > 0 || retryMaximumBackoff.compareTo(MAX_RETRY_BACKOFF) > 0) {
            throw new IllegalArgumentException("retry backoff must satisfy 0 <= minimum (" + retryMinimumBackoff + ") <= maximum ("
                    + retryMaximumBackoff + ") <= " + MAX_RETRY_BACKOFF);
        }
        if (topic.equals(deadLetterTopic)) {
            throw new IllegalArgumentException("the dead-letter topic must differ from the work topic: " + topic);
        }
    }

    /**
     * Names derived from {@code topic}: subscription {@code topic-workers}, dead-letter topic
     * {@code topic-dead-letters} and its subscription {@code topic-dead-letters-handler}.
     */
    public static PubSubQueueSettings of(String projectId, String topic)
    {
        return new PubSubQueueSettings(projectId, topic, topic + "-workers", topic + "-dead-letters", topic + "-dead-letters-handler",
                Optional.empty(), DEFAULT_MAX_ACK_EXTENSION_PERIOD, DEFAULT_RETRY_MINIMUM_BACKOFF, MAX_RETRY_BACKOFF, PullMode.STREAMING);
    }

    public PubSubQueueSettings withEmulatorHost(String hostAndPort)
    {
        return new PubSubQueueSettings(projectId, topic, subscription, deadLetterTopic, deadLetterSubscription, Optional.of(hostAndPort),
                maxAckExtensionPeriod, retryMinimumBackoff, retryMaximumBackoff, pullMode);
    }

    public PubSubQueueSettings withRetryBackoff(Duration minimum, Duration maximum)
    {
        return new PubSubQueueSettings(projectId, topic, subscription, deadLetterTopic, deadLetterSubscription, emulatorHost,
                maxAckExtensionPeriod, minimum, maximum, pullMode);
    }

    public PubSubQueueSettings withMaxAckExtensionPeriod(Duration period)
    {
        return new PubSubQueueSettings(projectId, topic, subscription, deadLetterTopic, deadLetterSubscription, emulatorHost,
                period, retryMinimumBackoff, retryMaximumBackoff, pullMode);
    }

    public PubSubQueueSettings withPullMode(PullMode mode)
    {
        return new PubSubQueueSettings(projectId, topic, subscription, deadLetterTopic, deadLetterSubscription, emulatorHost,
                maxAckExtensionPeriod, retryMinimumBackoff, retryMaximumBackoff, mode);
    }

    private static void requireName(String value, String name)
    {
        requireNonNull(value, name + " is null");
        if (value.isBlank() || value.contains("/")) {
            throw new IllegalArgumentException(name + " must be a short resource id without '/': '" + value + "'");
        }
    }

    /**
     * How a subscriber receives messages. STREAMING is what production uses. UNARY pulls with
     * synchronous Pull calls and settles with Acknowledge and ModifyAckDeadline; it exists for the
     * official emulator (cloud-pubsub-emulator 0.8.20), whose StreamingPull loses messages to
     * streams that clients closed or that died (see the unary consumer's documentation).
     */
    public enum PullMode
    {
        STREAMING, UNARY;

        /** {@code streaming} or {@code unary}, in any case. */
        public static PullMode parse(String value)
        {
            for (PullMode mode : values()) {
                if (mode.name().equalsIgnoreCase(value.trim())) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("unknown Pub/Sub pull mode '" + value + "': streaming or unary");
        }
    }
}
