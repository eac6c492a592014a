package dev.backfillfleet.pubsub;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.ReceivedMessage;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.support.Reachability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A subscription read with synchronous Pull instead of StreamingPull: a poller thread pulls as
 * many messages as there are free slots (at most maxOutstanding held, delayed releases and
 * defers included), handler threads run them through the same receiver as the streaming mode,
 * and every third of the ack deadline the deadlines of held messages are extended with
 * ModifyAckDeadline ({@link UnaryLeases}).
 *
 * <p>Why it exists: the official emulator (cloud-pubsub-emulator 0.8.20) gets StreamingPull
 * wrong in long runs. The client closes idle streams after 20 s without a heartbeat, and on every
 * closed stream (or a client killed with SIGKILL) the emulator fails with NoSuchMethodError
 * (io.grpc.InternalStatus.asRuntimeException) while still treating the stream as open: messages
 * sent into it are lost until their ack deadline, each time using a delivery attempt. Unary
 * Pull, Acknowledge and ModifyAckDeadline work on it. Real Pub/Sub needs none of this.
 *
 * <p>A Pull ends after {@link #PULL_DEADLINE} (the emulator answers at once; Pub/Sub waits for
 * messages), so {@link #stopPulling()} takes effect within about a second. Messages that arrive
 * after a stop are nacked.
 */
final class UnaryPullConsumer
        extends PubSubConsumer
{
    private static final Logger log = LoggerFactory.getLogger(UnaryPullConsumer.class);
    static final Duration PULL_DEADLINE = Duration.ofSeconds(1);
    private static final long MIN_IDLE_MILLIS = 5;
    private static final long MAX_IDLE_MILLIS = 200;
    private static final long FAILURE_BACKOFF_MILLIS = 1_000;
    // the give-backs' nacks answered before the channel closes, within the worker's 2 s to close (ShutdownBudget.CLOSE)
    private static final Duration REPLIES_ON_CLOSE = Duration.ofSeconds(1);
    // the attribute the streaming client puts the delivery attempt in; Subscriber.getDeliveryAttempt reads it
    private static final String DELIVERY_ATTEMPT_ATTRIBUTE = "googclient_deliveryattempt";

    private final SubscriberStub stub;
    private final MessageReceiver receiver;
    private final UnaryLeases leases;
    private final ScheduledExecutorService handlers;
    private final ScheduledFuture<?> extension;
    private final Thread poller;
    private final Consumer<FleetException> onFailure;
    private volatile boolean pulling = true;
    // judged by the calls that must answer (Acknowledge, ModifyAckDeadline, a Pull's answer); a Pull that
    // runs out its deadline only prolongs failures under way: on Pub/Sub that is also what an empty queue does
    private final Reachability queue;

    UnaryPullConsumer(PubSubTransport transport, String subscriptionPath, int maxOutstanding, Duration maxAckExtensionPeriod,
            Duration ackDeadline, ScheduledExecutorService timers, Function<PubSubConsumer, MessageReceiver> receiver, Consumer<FleetException> onFailure)
    {
        super(subscriptionPath, maxOutstanding);
        this.onFailure = onFailure;
        this.queue = new Reachability("the queue (" + subscriptionPath + ")");
        this.stub = transport.subscriberStub(PULL_DEADLINE);
        this.receiver = receiver.apply(this);
        this.leases = new UnaryLeases(stub, subscriptionPath, maxOutstanding, ackDeadline, maxAckExtensionPeriod, queue);
        this.handlers = handlerThreads(subscriptionPath, maxOutstanding);
        long extendEveryMillis = Math.max(1, ackDeadline.toMillis() / 3);
        this.extension = timers.scheduleWithFixedDelay(leases::extendAll, extendEveryMillis, extendEveryMillis, TimeUnit.MILLISECONDS);
        this.poller = new Thread(this::pollLoop, subscriptionPath.substring(subscriptionPath.lastIndexOf('/') + 1) + "-poller");
        poller.setDaemon(true);
    }

    @Override
    void start()
    {
        poller.start();
    }

    private void pollLoop()
    {
        long idleMillis = MIN_IDLE_MILLIS;
        try {
            while (pulling) {
                int slots = leases.takeFreeSlots();
                List<ReceivedMessage> messages;
                try {
                    messages = pull(slots);
                }
                catch (RuntimeException e) {
                    leases.returnSlots(slots);
                    FleetException failure = PubSubFailures.translate("pull", "subscription " + subscriptionPath, e);
                    if (failure.errorClass() == ErrorClass.ENVIRONMENT) {
                        pulling = false;
                        onFailure.accept(failure);
                        return;
                    }
                    if (pulling) {
                        queue.unreachable(e);
                        log.debug("pull on {} failed, retrying: {}", subscriptionPath, e.getMessage());
                        Thread.sleep(FAILURE_BACKOFF_MILLIS);
                    }
                    continue;
                }
                leases.returnSlots(slots - messages.size());
                messages.forEach(this::dispatch);
                if (messages.isEmpty()) {
                    Thread.sleep(idleMillis);
                    idleMillis = Math.min(MAX_IDLE_MILLIS, idleMillis * 2);
                }
                else {
                    idleMillis = MIN_IDLE_MILLIS;
                }
            }
        }
        catch (InterruptedException e) {
            // stopPulling
        }
    }

    private List<ReceivedMessage> pull(int maxMessages)
    {
        try {
            List<ReceivedMessage> received = stub.pullCallable().call(PullRequest.newBuilder()
                    .setSubscription(subscriptionPath)
                    .setMaxMessages(maxMessages)
                    .build()).getReceivedMessagesList();
            queue.reached();
            return received;
        }
        catch (ApiException e) {
            if (e.getStatusCode().getCode() == StatusCode.Code.DEADLINE_EXCEEDED) {
                // Pub/Sub had nothing within the deadline, or no answer came: after an ack or
                // extension that failed, the latter (a cut link leaves only Pulls that time out)
                queue.noAnswer(e);
                return List.of();
            }
            throw e;
        }
    }

    @Override
    public java.util.Optional<String> unreachable()
    {
        return queue.problem();
    }

    private void dispatch(ReceivedMessage received)
    {
        AckReplyConsumer reply = leases.lease(received.getAckId());
        if (!pulling) {
            reply.nack();
            return;
        }
        PubsubMessage message = received.getMessage();
        if (received.getDeliveryAttempt() > 0) {
            message = message.toBuilder().putAttributes(DELIVERY_ATTEMPT_ATTRIBUTE, Integer.toString(received.getDeliveryAttempt())).build();
        }
        PubsubMessage delivered = message;
        try {
            handlers.execute(() -> {
                try {
                    receiver.receiveMessage(delivered, reply);
                }
                catch (RuntimeException e) {
                    log.error("receiving message {} on {} failed, nacking it", delivered.getMessageId(), subscriptionPath, e);
                    reply.nack();
                }
            });
        }
        catch (RejectedExecutionException e) {
            reply.nack();
        }
    }

    @Override
    public void stopPulling()
    {
        pulling = false;
        poller.interrupt();
    }

    @Override
    protected void shutdown()
    {
        try {
            poller.join(PULL_DEADLINE.plusSeconds(1).toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        extension.cancel(false);
        handlers.shutdownNow();
        leases.awaitReplies(REPLIES_ON_CLOSE);
        stub.close();
    }
}
