package dev.backfillfleet.pubsub;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.protobuf.FieldMask;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.ExpirationPolicy;
import com.google.pubsub.v1.RetryPolicy;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import com.google.pubsub.v1.UpdateSubscriptionRequest;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.provision.PlannedChange;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.provision.Provisioner;
import dev.backfillfleet.provision.StartupCheck;
import dev.backfillfleet.queue.QueueSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The queue's Pub/Sub resources: the work topic and the workers' subscription (ack deadline,
 * dead-letter and retry policies, retention, no expiry), the dead-letter topic and its
 * subscription. {@link #plan()} compares them with the configuration; {@link #check} proves at
 * start-up that a process may use what its role needs, so that a missing resource stops it with
 * one line instead of failing dates.
 */
public final class PubSubTopology
        implements Provisioner, StartupCheck
{
    /**
     * Retention of unacknowledged messages: Pub/Sub's maximum, 31 days, so that a long backfill
     * keeps its backlog (https://cloud.google.com/pubsub/docs/subscription-properties#message_retention_duration).
     */
    public static final Duration MESSAGE_RETENTION = Duration.ofDays(31);
    // cloud-pubsub-emulator 0.8.20 still has the old 7-day maximum ("message_retention_duration out of bounds")
    static final Duration EMULATOR_MESSAGE_RETENTION = Duration.ofDays(7);
    static final String CONSUME = "pubsub.subscriptions.consume";
    static final String PUBLISH = "pubsub.topics.publish";

    private final PubSubQueueSettings settings;
    private final QueueSettings queueSettings;
    private final PubSubTransport transport;

    public PubSubTopology(PubSubQueueSettings settings, QueueSettings queueSettings, PubSubTransport transport)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.queueSettings = requireNonNull(queueSettings, "queueSettings is null");
        this.transport = requireNonNull(transport, "transport is null");
    }

    @Override
    public String system()
    {
        return "Pub/Sub" + settings.emulatorHost().map(host -> " (emulator " + host + ")").orElse("");
    }

    @Override
    public List<PlannedChange> plan()
    {
        try (TopicAdminClient topics = transport.topicAdmin(); SubscriptionAdminClient subscriptions = transport.subscriptionAdmin()) {
            List<PlannedChange> plan = new ArrayList<>();
            plan.add(topic(topics, deadLetterTopic()));
            plan.add(topic(topics, workTopic()));
            plan.add(subscription(subscriptions, workSubscription()));
            plan.add(subscription(subscriptions, deadLetterSubscription()));
            return plan;
        }
        catch (RuntimeException e) {
            throw PubSubFailures.translate("setup", e);
        }
    }

    /**
     * The work subscription as the configuration wants it. On the emulator with unary pull it
     * has no retry policy: cloud-pubsub-emulator 0.8.20 loses messages of a subscription with one
     * once they are given back with a ModifyAckDeadline delay, which is how unary pull defers
     * (measured: of 50 messages deferred 0.7, 1.5, 3 and 5 s, most never came back; {@code
     * --table all} stalled with dates QUEUED), and unary pull sets each delay itself. Plain nacks
     * (StreamingPull) come back under the policy's backoff there, as on Pub/Sub.
     */
    Subscription workSubscription()
    {
        Subscription.Builder subscription = Subscription.newBuilder()
                .setName(path(settings.subscription()))
                .setTopic(workTopic().toString())
                .setAckDeadlineSeconds(ackDeadlineSeconds())
                .setDeadLetterPolicy(DeadLetterPolicy.newBuilder()
                        .setDeadLetterTopic(deadLetterTopic().toString())
                        .setMaxDeliveryAttempts(queueSettings.maxDeliveryAttempts()))
                .setMessageRetentionDuration(protoDuration(retention()))
                // an expiration policy without a ttl never expires; without one, an idle subscription is deleted after 31 days
                .setExpirationPolicy(ExpirationPolicy.getDefaultInstance());
        if (settings.emulatorHost().isEmpty() || settings.pullMode() != PubSubQueueSettings.PullMode.UNARY) {
            subscription.setRetryPolicy(RetryPolicy.newBuilder()
                    .setMinimumBackoff(protoDuration(settings.retryMinimumBackoff()))
                    .setMaximumBackoff(protoDuration(settings.retryMaximumBackoff())));
        }
        return subscription.build();
    }

    Subscription deadLetterSubscription()
    {
        return Subscription.newBuilder()
                .setName(path(settings.deadLetterSubscription()))
                .setTopic(deadLetterTopic().toString())
                .setAckDeadlineSeconds(ackDeadlineSeconds())
                .setMessageRetentionDuration(protoDuration(retention()))
                .setExpirationPolicy(ExpirationPolicy.getDefaultInstance())
                .build();
    }

    private PlannedChange topic(TopicAdminClient topics, TopicName topic)
    {
        String resource = "topic " + topic;
        try {
            topics.getTopic(topic);
            return PlannedChange.exists(resource, "exists");
        }
        catch (NotFoundException e) {
            return PlannedChange.create(resource, "missing", () -> {
                try (TopicAdminClient admin = transport.topicAdmin()) {
                    admin.createTopic(topic);
                }
            });
        }
    }

    private PlannedChange subscription(SubscriptionAdminClient subscriptions, Subscription desired)
    {
        String resource = "subscription " + desired.getName();
        Subscription existing;
        try {
            existing = subscriptions.getSubscription(desired.getName());
        }
        catch (NotFoundException e) {
            return PlannedChange.create(resource, "missing", () -> {
                try (SubscriptionAdminClient admin = transport.subscriptionAdmin()) {
                    admin.createSubscription(desired);
                }
            });
        }
        if (!existing.getTopic().equals(desired.getTopic())) {
            return PlannedChange.manual(resource, "is attached to " + existing.getTopic() + ", not " + desired.getTopic()
                    + "; a subscription's topic cannot change: delete it (its messages are lost) and run setup again");
        }
        List<String> differences = new ArrayList<>();
        FieldMask.Builder mask = FieldMask.newBuilder();
        compare(differences, mask, "ack_deadline_seconds", existing, desired, Subscription::getAckDeadlineSeconds);
        compare(differences, mask, "dead_letter_policy", existing, desired, Subscription::getDeadLetterPolicy);
        compare(differences, mask, "retry_policy", existing, desired, Subscription::getRetryPolicy);
        compare(differences, mask, "message_retention_duration", existing, desired, Subscription::getMessageRetentionDuration);
        compare(differences, mask, "expiration_policy", existing, desired, subscription -> subscription.hasExpirationPolicy() ? subscription.getExpirationPolicy() : null);
        if (differences.isEmpty()) {
            return PlannedChange.exists(resource, "exists as configured");
        }
        FieldMask fields = mask.build();
        return PlannedChange.update(resource, String.join("; ", differences), () -> {
            try (SubscriptionAdminClient admin = transport.subscriptionAdmin()) {
                admin.updateSubscription(UpdateSubscriptionRequest.newBuilder().setSubscription(desired).setUpdateMask(fields).build());
            }
        });
    }

    private static void compare(List<String> differences, FieldMask.Builder mask, String field, Subscription existing, Subscription desired,
            Function<Subscription, Object> value)
    {
        Object have = value.apply(existing);
        Object want = value.apply(desired);
        if (!java.util.Objects.equals(have, want)) {
            differences.add(field + ": " + describe(have) + " -> " + describe(want));
            mask.addPaths(field);
        }
    }

    private static String describe(Object value)
    {
        if (value == null) {
            return "unset (expires after 31 days idle)";
        }
        String text = value.toString().replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "{}" : text;
    }

    /**
     * A worker needs to consume the work and dead-letter subscriptions and to publish to both
     * topics (unreadable messages are forwarded; a deferred delivery is nacked, not republished,
     * but the check asks for the work topic too); a coordinator needs to publish work. testIamPermissions answers an empty set both for a missing resource
     * and for a missing permission (https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions/testIamPermissions),
     * so the message names both causes. The emulator has no IAM: there, the resources are read.
     */
    @Override
    public void check(ProcessRole role)
    {
        if (role == ProcessRole.READER) {
            // reading the state store needs no queue
            return;
        }
        try (TopicAdminClient topics = transport.topicAdmin(); SubscriptionAdminClient subscriptions = transport.subscriptionAdmin()) {
            if (role == ProcessRole.WORKER) {
                requireSubscription(subscriptions, path(settings.subscription()));
                requireSubscription(subscriptions, path(settings.deadLetterSubscription()));
                requireTopic(topics, deadLetterTopic().toString());
            }
            requireTopic(topics, workTopic().toString());
        }
        catch (RuntimeException e) {
            FleetException failure = PubSubFailures.translate("start-up check", e);
            if (failure.errorClass() == dev.backfillfleet.domain.ErrorClass.TRANSIENT) {
                throw FleetException.environment("cannot reach Pub/Sub at " + transport.endpoint() + " within " + transport.adminCallTimeout().toSeconds()
                        + " s (" + e.getMessage() + "): check the network" + (settings.emulatorHost().isPresent() ? " and that the emulator runs (PUBSUB_EMULATOR_HOST)" : "")
                        + "; backfill.connect-timeout-seconds sets how long to wait", e);
            }
            throw failure;
        }
    }

    private void requireSubscription(SubscriptionAdminClient subscriptions, String subscription)
    {
        if (settings.emulatorHost().isPresent()) {
            existsOnEmulator(() -> subscriptions.getSubscription(subscription), "subscription " + subscription);
            return;
        }
        List<String> granted = subscriptions.testIamPermissions(TestIamPermissionsRequest.newBuilder()
                .setResource(subscription).addPermissions(CONSUME).build()).getPermissionsList();
        if (!granted.contains(CONSUME)) {
            throw missing("subscription " + subscription, CONSUME, "roles/pubsub.subscriber");
        }
    }

    private void requireTopic(TopicAdminClient topics, String topic)
    {
        if (settings.emulatorHost().isPresent()) {
            existsOnEmulator(() -> topics.getTopic(topic), "topic " + topic);
            return;
        }
        List<String> granted = topics.testIamPermissions(TestIamPermissionsRequest.newBuilder()
                .setResource(topic).addPermissions(PUBLISH).build()).getPermissionsList();
        if (!granted.contains(PUBLISH)) {
            throw missing("topic " + topic, PUBLISH, "roles/pubsub.publisher");
        }
    }

    private static void existsOnEmulator(Runnable get, String resource)
    {
        try {
            get.run();
        }
        catch (ApiException e) {
            if (e.getStatusCode().getCode() == StatusCode.Code.NOT_FOUND) {
                throw FleetException.environment("Pub/Sub " + resource + " does not exist: " + PubSubFailures.SETUP_FIX, e);
            }
            throw e;
        }
    }

    private static FleetException missing(String resource, String permission, String role)
    {
        return FleetException.environment("Pub/Sub " + resource + " does not exist, or this identity lacks " + permission + " on it (" + role
                + "): " + PubSubFailures.SETUP_FIX + " and grant the role", null);
    }

    Duration retention()
    {
        return settings.emulatorHost().isPresent() ? EMULATOR_MESSAGE_RETENTION : MESSAGE_RETENTION;
    }

    private TopicName workTopic()
    {
        return TopicName.of(settings.projectId(), settings.topic());
    }

    private TopicName deadLetterTopic()
    {
        return TopicName.of(settings.projectId(), settings.deadLetterTopic());
    }

    private String path(String subscription)
    {
        return SubscriptionName.of(settings.projectId(), subscription).toString();
    }

    private int ackDeadlineSeconds()
    {
        return Math.toIntExact(queueSettings.ackDeadline().toSeconds());
    }

    private static com.google.protobuf.Duration protoDuration(Duration duration)
    {
        return com.google.protobuf.Duration.newBuilder().setSeconds(duration.getSeconds()).setNanos(duration.getNano()).build();
    }
}
