package dev.backfillfleet.pubsub;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.api.gax.batching.BatchingSettings;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.queue.DeadLetter;
import dev.backfillfleet.queue.Delivery;
import dev.backfillfleet.queue.QueueConsumer;
import dev.backfillfleet.queue.QueueSettings;
import dev.backfillfleet.queue.WorkMessageCodec;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.support.Lazy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The production work queue on Google Cloud Pub/Sub.
 *
 * <ul>
 * <li>publish: one message per item, body {@link WorkMessageCodec#encode}, attributes
 * {@link WorkMessageCodec#attributes}, batched by the client (at most 1,000 messages per request).</li>
 * <li>subscribe: StreamingPull with flow control = maxOutstanding; the client's lease management
 * extends ack deadlines while a delivery is held, up to {@code maxAckExtensionPeriod}. With
 * {@link PubSubQueueSettings.PullMode#UNARY}, a loop of synchronous Pull calls instead
 * ({@link UnaryPullConsumer}: for the emulator, whose StreamingPull loses messages); everything
 * below holds in both modes.</li>
 * <li>release(delay) and defer(delay): the message goes back at once and holds no flow-control
 * slot while it waits; unary pull sets its ack deadline to the delay, StreamingPull nacks and the
 * subscription's retry policy spaces the redelivery (exponential, up to its maximum). Pub/Sub
 * counts a delivery attempt either way (https://cloud.google.com/pubsub/docs/handling-failures):
 * the fleet's attempt budget is the state record's ({@code backfill.max-attempts}); a message past
 * the subscription's dead-letter maximum ({@code backfill.max-delivery-attempts}, 100 by default)
 * is dead-lettered, and the worker publishes it again if its date still needs running.</li>
 * <li>delivery attempt: Pub/Sub's count (present because the subscription has a dead-letter
 * policy). Without a server count, this process counts the deliveries it saw of the message id
 * (a fallback that undercounts across processes).</li>
 * <li>dead letters: Pub/Sub's dead-letter policy forwards after max_delivery_attempts (5-100). The
 * adapter also forwards, then acks: an unreadable body at once, and a message whose attempt
 * exceeds {@link QueueSettings#maxDeliveryAttempts()} when Pub/Sub gave no count.</li>
 * <li>backlog: empty; the undelivered count is a Cloud Monitoring metric, not an API field.</li>
 * </ul>
 */
public final class PubSubWorkQueue
        implements WorkQueue, AutoCloseable
{
    static final String DEAD_LETTER_REASON = "fleetDeadLetterReason";
    static final String DEAD_LETTER_ATTEMPTS = "fleetDeliveryAttempts";
    static final String SOURCE_DELIVERY_COUNT = "CloudPubSubDeadLetterSourceDeliveryCount";
    static final String SOURCE_SUBSCRIPTION = "CloudPubSubDeadLetterSourceSubscription";
    private static final String CLIENT_ATTRIBUTE_PREFIX = "googclient_";

    // a publish request carries at most 1,000 messages or 10 MB (platform-limits.md)
    private static final long BATCH_MESSAGES = 1_000;
    private static final long BATCH_BYTES = 5L * 1024 * 1024;
    private static final Duration BATCH_DELAY = Duration.ofMillis(10);
    // dead-letter policy max_delivery_attempts 5-100; ack deadline 10-600 s (platform-limits.md; the Subscription resource's
    // ackDeadlineSeconds and deadLetterPolicy.maxDeliveryAttempts: https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions)
    static final int MIN_POLICY_ATTEMPTS = 5;
    static final int MAX_POLICY_ATTEMPTS = 100;
    static final Duration MIN_ACK_DEADLINE = Duration.ofSeconds(10);
    static final Duration MAX_ACK_DEADLINE = Duration.ofSeconds(600);
    private static final int LOCALLY_COUNTED_MESSAGES = 100_000;

    private static final Logger log = LoggerFactory.getLogger(PubSubWorkQueue.class);

    private final PubSubQueueSettings settings;
    private final QueueSettings queueSettings;
    private final PubSubTransport transport;
    private final Lazy<Publisher> workPublisher;
    private final Lazy<Publisher> deadLetterPublisher;
    private final ScheduledExecutorService timers;
    private final Set<PubSubConsumer> consumers = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> locallySeenDeliveries = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true)
    {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest)
        {
            return size() > LOCALLY_COUNTED_MESSAGES;
        }
    });

    private PubSubWorkQueue(PubSubQueueSettings settings, QueueSettings queueSettings, PubSubTransport transport)
    {
        this.settings = settings;
        this.queueSettings = queueSettings;
        this.transport = transport;
        this.workPublisher = Lazy.of(() -> publisher(TopicName.of(settings.projectId(), settings.topic())));
        this.deadLetterPublisher = Lazy.of(() -> publisher(TopicName.of(settings.projectId(), settings.deadLetterTopic())));
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pubsub-held-messages");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A queue on the settings' topic and subscriptions, which {@link PubSubTopology} provisions.
     * Nothing is created or connected until the first publish or subscribe.
     */
    public static PubSubWorkQueue create(PubSubQueueSettings settings, QueueSettings queueSettings)
    {
        return create(settings, queueSettings, PubSubTransport.forSettings(settings));
    }

    public static PubSubWorkQueue create(PubSubQueueSettings settings, QueueSettings queueSettings, PubSubTransport transport)
    {
        requireNonNull(settings, "settings is null");
        requireNonNull(queueSettings, "queueSettings is null");
        if (queueSettings.ackDeadline().compareTo(MIN_ACK_DEADLINE) < 0 || queueSettings.ackDeadline().compareTo(MAX_ACK_DEADLINE) > 0) {
            throw new IllegalArgumentException("a Pub/Sub ack deadline is 10-600 s, not " + queueSettings.ackDeadline());
        }
        if (queueSettings.maxDeliveryAttempts() < MIN_POLICY_ATTEMPTS || queueSettings.maxDeliveryAttempts() > MAX_POLICY_ATTEMPTS) {
            throw new IllegalArgumentException("a Pub/Sub dead-letter policy allows " + MIN_POLICY_ATTEMPTS + "-" + MAX_POLICY_ATTEMPTS
                    + " delivery attempts, not " + queueSettings.maxDeliveryAttempts());
        }
        return new PubSubWorkQueue(settings, queueSettings, requireNonNull(transport, "transport is null"));
    }

    // the publisher refuses a total timeout under 10 s
    private static final java.time.Duration PUBLISH_SHORTEST_TOTAL_TIMEOUT = java.time.Duration.ofSeconds(10);

    private static java.time.Duration max(java.time.Duration left, java.time.Duration right)
    {
        return left.compareTo(right) >= 0 ? left : right;
    }

    private Publisher publisher(TopicName topic)
    {
        try {
            Publisher.Builder builder = Publisher.newBuilder(topic)
                    .setBatchingSettings(BatchingSettings.newBuilder()
                            .setElementCountThreshold(BATCH_MESSAGES)
                            .setRequestByteThreshold(BATCH_BYTES)
                            .setDelayThresholdDuration(BATCH_DELAY)
                            .build())
                    // a publish that gets no answer fails within a few connect timeouts, not the client's default 600 s:
                    // the enqueue then says how many it published, and the same enqueue publishes the rest
                    // (https://cloud.google.com/pubsub/docs/retry-requests)
                    .setRetrySettings(com.google.api.gax.retrying.RetrySettings.newBuilder()
                            .setInitialRetryDelayDuration(java.time.Duration.ofMillis(100))
                            .setRetryDelayMultiplier(1.3)
                            .setMaxRetryDelayDuration(java.time.Duration.ofSeconds(5))
                            .setRpcTimeoutMultiplier(1.0)
                            .setInitialRpcTimeoutDuration(transport.adminCallTimeout())
                            .setMaxRpcTimeoutDuration(transport.adminCallTimeout())
                            .setTotalTimeoutDuration(max(PUBLISH_SHORTEST_TOTAL_TIMEOUT, transport.adminCallTimeout().multipliedBy(3)))
                            .build());
            transport.channelProvider().ifPresent(builder::setChannelProvider);
            transport.credentialsProvider().ifPresent(builder::setCredentialsProvider);
            return builder.build();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create a Pub/Sub publisher for " + topic, e);
        }
    }

    @Override
    public void publish(List<WorkItem> items)
    {
        List<ApiFuture<String>> futures = new ArrayList<>(items.size());
        for (WorkItem item : items) {
            futures.add(workPublisher.get().publish(PubsubMessage.newBuilder()
                    .setData(ByteString.copyFromUtf8(WorkMessageCodec.encode(item)))
                    .putAllAttributes(WorkMessageCodec.attributes(item))
                    .build()));
        }
        await("publish of " + items.size() + " messages", "topic " + TopicName.of(settings.projectId(), settings.topic()), ApiFutures.allAsList(futures));
    }

    /** Publishes a body as it is, as a broken producer might (tests and operators' tools). */
    void publishRaw(String body)
    {
        await("publish", workPublisher.get().publish(PubsubMessage.newBuilder().setData(ByteString.copyFromUtf8(body)).build()));
    }

    @Override
    public QueueConsumer subscribe(int maxOutstanding, Consumer<Delivery> handler, Consumer<FleetException> onFailure)
    {
        requireNonNull(handler, "handler is null");
        return start(consumer(subscriptionPath(), maxOutstanding, consumer -> (message, reply) -> receive(message, reply, consumer, handler), onFailure));
    }

    private void receive(PubsubMessage message, AckReplyConsumer reply, PubSubConsumer consumer, Consumer<Delivery> handler)
    {
        int attempt = deliveryAttempt(message);
        String body = message.getData().toString(StandardCharsets.UTF_8);
        WorkItem item;
        try {
            item = WorkMessageCodec.decode(body);
        }
        catch (FleetException e) {
            log.warn("message {} is unreadable, forwarding it to the dead letters: {}", message.getMessageId(), e.getMessage());
            forwardToDeadLetters(message, attempt, "unreadable message: " + e.getMessage(), reply);
            return;
        }
        if (attempt > queueSettings.maxDeliveryAttempts()) {
            forwardToDeadLetters(message, attempt - 1, "no delivery attempts left after " + (attempt - 1), reply);
            return;
        }
        PubSubDelivery delivery = new PubSubDelivery(consumer, message, reply, item, attempt);
        consumer.track(delivery);
        try {
            handler.accept(delivery);
        }
        catch (RuntimeException e) {
            log.error("handler failed on {}, releasing it", delivery, e);
            if (!delivery.isSettled()) {
                delivery.release(Duration.ZERO);
            }
        }
    }

    private int deliveryAttempt(PubsubMessage message)
    {
        Integer counted = Subscriber.getDeliveryAttempt(message);
        if (counted == null) {
            counted = locallySeenDeliveries.merge(message.getMessageId(), 1, Integer::sum);
        }
        return counted;
    }

    private void forwardToDeadLetters(PubsubMessage message, int attempts, String reason, AckReplyConsumer reply)
    {
        PubsubMessage deadLetter = PubsubMessage.newBuilder()
                .setData(message.getData())
                .putAllAttributes(ownAttributes(message))
                .putAttributes(DEAD_LETTER_REASON, reason)
                .putAttributes(DEAD_LETTER_ATTEMPTS, Integer.toString(attempts))
                .build();
        settleAfter(deadLetterPublisher.get().publish(deadLetter), reply, "dead-lettering of message " + message.getMessageId());
    }

    /** Acks once the publish is durable; nacks if it failed, so the message is not lost. */
    private static void settleAfter(ApiFuture<String> publish, AckReplyConsumer reply, String what)
    {
        ApiFutures.addCallback(publish, new ApiFutureCallback<>()
        {
            @Override
            public void onSuccess(String messageId)
            {
                reply.ack();
            }

            @Override
            public void onFailure(Throwable failure)
            {
                log.warn("{} failed, nacking the original: {}", what, failure.getMessage());
                reply.nack();
            }
        }, MoreExecutors.directExecutor());
    }

    private static Map<String, String> ownAttributes(PubsubMessage message)
    {
        Map<String, String> attributes = new LinkedHashMap<>();
        message.getAttributesMap().forEach((key, value) -> {
            if (!key.startsWith(CLIENT_ATTRIBUTE_PREFIX)) {
                attributes.put(key, value);
            }
        });
        return attributes;
    }

    @Override
    public QueueConsumer subscribeDeadLetters(Consumer<DeadLetter> handler)
    {
        requireNonNull(handler, "handler is null");
        String path = SubscriptionName.of(settings.projectId(), settings.deadLetterSubscription()).toString();
        return start(consumer(path, 1, consumer -> (message, reply) -> {
            Object token = new Object();
            consumer.track(token);
            try {
                handler.accept(deadLetter(message));
                reply.ack();
            }
            catch (RuntimeException e) {
                log.error("dead-letter handler failed on message {}, it is redelivered", message.getMessageId(), e);
                reply.nack();
            }
            finally {
                consumer.settled(token);
            }
        }, failure -> log.error("the dead-letter subscription ended: {}", failure.getMessage())));
    }

    private static DeadLetter deadLetter(PubsubMessage message)
    {
        String body = message.getData().toString(StandardCharsets.UTF_8);
        Optional<WorkItem> item;
        try {
            item = Optional.of(WorkMessageCodec.decode(body));
        }
        catch (FleetException e) {
            item = Optional.empty();
        }
        int attempts = intAttribute(message, DEAD_LETTER_ATTEMPTS).orElseGet(() -> intAttribute(message, SOURCE_DELIVERY_COUNT).orElse(0));
        String reason = Optional.ofNullable(message.getAttributesMap().get(DEAD_LETTER_REASON))
                .orElseGet(() -> "dead-lettered by Pub/Sub after " + attempts + " delivery attempts"
                        + Optional.ofNullable(message.getAttributesMap().get(SOURCE_SUBSCRIPTION)).map(source -> " on " + source).orElse(""));
        return new DeadLetter(message.getMessageId(), item, body, attempts, reason);
    }

    private static Optional<Integer> intAttribute(PubsubMessage message, String name)
    {
        String value = message.getAttributesMap().get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A consumer of the configured pull mode; both renew ack deadlines up to the subscription's, never beyond. */
    private PubSubConsumer consumer(String path, int maxOutstanding, Function<PubSubConsumer, MessageReceiver> receiver, Consumer<FleetException> onFailure)
    {
        return switch (settings.pullMode()) {
            case STREAMING -> new StreamingPullConsumer(transport, path, maxOutstanding, settings.maxAckExtensionPeriod(), queueSettings.ackDeadline(),
                    receiver, onFailure);
            case UNARY -> new UnaryPullConsumer(transport, path, maxOutstanding, settings.maxAckExtensionPeriod(), queueSettings.ackDeadline(),
                    timers, receiver, onFailure);
        };
    }

    private PubSubConsumer start(PubSubConsumer consumer)
    {
        consumers.add(consumer);
        try {
            consumer.start();
        }
        catch (RuntimeException e) {
            consumers.remove(consumer);
            consumer.close();
            throw PubSubFailures.translate("subscribe", consumer.subscriptionPath, e);
        }
        return consumer;
    }

    /** Not known to the Pub/Sub API: num_undelivered_messages is a Cloud Monitoring metric. */
    @Override
    public OptionalLong backlog()
    {
        return OptionalLong.empty();
    }

    String subscriptionPath()
    {
        return SubscriptionName.of(settings.projectId(), settings.subscription()).toString();
    }

    private static <T> T await(String operation, ApiFuture<T> future)
    {
        return await(operation, "", future);
    }

    private static <T> T await(String operation, String resource, ApiFuture<T> future)
    {
        try {
            return future.get();
        }
        catch (ExecutionException | InterruptedException e) {
            throw PubSubFailures.translate(operation, resource, e);
        }
    }

    @Override
    public void close()
    {
        consumers.forEach(PubSubConsumer::close);
        consumers.clear();
        for (Lazy<Publisher> lazy : List.of(workPublisher, deadLetterPublisher)) {
            if (lazy.ifMade().isEmpty()) {
                continue;
            }
            Publisher publisher = lazy.get();
            publisher.shutdown();
            try {
                publisher.awaitTermination(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        timers.shutdownNow();
        transport.close();
    }
}
