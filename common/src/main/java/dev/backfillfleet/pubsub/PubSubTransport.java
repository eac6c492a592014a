package dev.backfillfleet.pubsub;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.cloud.pubsub.v1.stub.GrpcSubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStubSettings;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The channel and credentials every Pub/Sub client of one queue uses: the library defaults in
 * production; for an emulator, one plaintext channel to it and no credentials, because the
 * client library ignores {@code PUBSUB_EMULATOR_HOST}. Building one does no I/O: a channel
 * connects on its first call, clients find their credentials when they are created.
 */
public final class PubSubTransport
        implements AutoCloseable
{
    private final Optional<String> emulatorHost;
    private final Optional<ManagedChannel> emulatorChannel;
    private final Optional<TransportChannelProvider> channelProvider;
    private final Optional<CredentialsProvider> credentialsProvider;
    /** Acknowledge and ModifyAckDeadline, with their retries; the client's default is 60 s. */
    static final Duration ACK_CALL_DEADLINE = Duration.ofSeconds(5);

    private final Duration adminCallTimeout;

    /** An admin call (setup, the start-up check) gives up after this, instead of the client's minute: an unreachable host says so soon. */
    public static final Duration DEFAULT_ADMIN_CALL_TIMEOUT = Duration.ofSeconds(10);

    private PubSubTransport(Optional<String> emulatorHost, Duration adminCallTimeout)
    {
        this.emulatorHost = emulatorHost;
        this.adminCallTimeout = adminCallTimeout;
        this.emulatorChannel = emulatorHost.map(PubSubTransport::plaintextChannel);
        this.channelProvider = emulatorChannel.map(PubSubTransport::provider);
        this.credentialsProvider = emulatorChannel.map(channel -> NoCredentialsProvider.create());
    }

    public static PubSubTransport forSettings(PubSubQueueSettings settings)
    {
        return forSettings(settings, DEFAULT_ADMIN_CALL_TIMEOUT);
    }

    /** With admin calls bounded by {@code adminCallTimeout} ({@code backfill.connect-timeout-seconds}). */
    public static PubSubTransport forSettings(PubSubQueueSettings settings, Duration adminCallTimeout)
    {
        return new PubSubTransport(settings.emulatorHost(), adminCallTimeout);
    }

    Duration adminCallTimeout()
    {
        return adminCallTimeout;
    }

    private static ManagedChannel plaintextChannel(String host)
    {
        return ManagedChannelBuilder.forTarget(host).usePlaintext().build();
    }

    static TransportChannelProvider provider(ManagedChannel channel)
    {
        return FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    }

    Optional<TransportChannelProvider> channelProvider()
    {
        return channelProvider;
    }

    Optional<CredentialsProvider> credentialsProvider()
    {
        return credentialsProvider;
    }

    TopicAdminClient topicAdmin()
    {
        try {
            TopicAdminSettings.Builder builder = TopicAdminSettings.newBuilder();
            channelProvider.ifPresent(builder::setTransportChannelProvider);
            credentialsProvider.ifPresent(builder::setCredentialsProvider);
            builder.applyToAllUnaryMethods(this::bounded);
            return TopicAdminClient.create(builder.build());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create the Pub/Sub topic admin client", e);
        }
    }

    SubscriptionAdminClient subscriptionAdmin()
    {
        try {
            SubscriptionAdminSettings.Builder builder = SubscriptionAdminSettings.newBuilder();
            channelProvider.ifPresent(builder::setTransportChannelProvider);
            credentialsProvider.ifPresent(builder::setCredentialsProvider);
            builder.applyToAllUnaryMethods(this::bounded);
            return SubscriptionAdminClient.create(builder.build());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create the Pub/Sub subscription admin client", e);
        }
    }

    private Void bounded(com.google.api.gax.rpc.UnaryCallSettings.Builder<?, ?> call)
    {
        call.setRetrySettings(call.getRetrySettings().toBuilder()
                .setTotalTimeoutDuration(adminCallTimeout)
                .setInitialRpcTimeoutDuration(adminCallTimeout)
                .setMaxRpcTimeoutDuration(adminCallTimeout)
                .build());
        return null;
    }

    /** Where the clients connect: the emulator's host, or Pub/Sub's endpoint. */
    String endpoint()
    {
        return emulatorHost.orElse("pubsub.googleapis.com");
    }

    /**
     * A stub for synchronous Pull, Acknowledge and ModifyAckDeadline. A Pull, with its retries,
     * ends after {@code pullDeadline}, so a pull loop notices a stop within about that time.
     */
    SubscriberStub subscriberStub(Duration pullDeadline)
    {
        try {
            SubscriberStubSettings.Builder builder = SubscriberStubSettings.newBuilder();
            channelProvider.ifPresent(builder::setTransportChannelProvider);
            credentialsProvider.ifPresent(builder::setCredentialsProvider);
            builder.pullSettings().setRetrySettings(builder.pullSettings().getRetrySettings().toBuilder()
                    .setInitialRpcTimeoutDuration(pullDeadline)
                    .setMaxRpcTimeoutDuration(pullDeadline)
                    .setTotalTimeoutDuration(pullDeadline)
                    .build());
            // an ack or a deadline extension that cannot get through fails within seconds, not the default 60 s,
            // so that a cut link is noticed (and said, once) while the messages' ack deadlines still run
            for (var settings : List.of(builder.acknowledgeSettings(), builder.modifyAckDeadlineSettings())) {
                settings.setRetrySettings(settings.getRetrySettings().toBuilder()
                        .setInitialRpcTimeoutDuration(ACK_CALL_DEADLINE)
                        .setMaxRpcTimeoutDuration(ACK_CALL_DEADLINE)
                        .setTotalTimeoutDuration(ACK_CALL_DEADLINE)
                        .build());
            }
            return GrpcSubscriberStub.create(builder.build());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create the Pub/Sub subscriber stub", e);
        }
    }

    @Override
    public void close()
    {
        emulatorChannel.ifPresent(channel -> {
            channel.shutdown();
            try {
                if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                    channel.shutdownNow();
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                channel.shutdownNow();
            }
        });
    }
}
