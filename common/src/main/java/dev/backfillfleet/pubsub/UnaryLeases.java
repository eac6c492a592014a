package dev.backfillfleet.pubsub;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.common.collect.Lists;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ModifyAckDeadlineRequest;
import dev.backfillfleet.support.Reachability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The messages a unary pull consumer holds, by ack id, from Pull until ack or nack: they bound
 * what it may pull (never more than maxOutstanding, held messages included, as the streaming
 * client's flow control does), and {@link #extendAll()} keeps their ack deadlines alive, up to the
 * maximum extension period. ack is Acknowledge; nack is ModifyAckDeadline 0, and a nack after a
 * delay is ModifyAckDeadline to that delay: the message comes back then, and holds no slot meanwhile.
 */
final class UnaryLeases
{
    private static final Logger log = LoggerFactory.getLogger(UnaryLeases.class);
    // ModifyAckDeadline and Acknowledge requests stay well below the request size limit
    private static final int ACK_IDS_PER_REQUEST = 1_000;

    private final SubscriberStub stub;
    private final String subscriptionPath;
    private final int ackDeadlineSeconds;
    private final long maxExtensionNanos;
    private final Semaphore freeSlots;
    private final Map<String, Long> leasedSince = new ConcurrentHashMap<>();
    private final Set<ApiFuture<?>> replying = ConcurrentHashMap.newKeySet();
    private final Reachability queue;

    UnaryLeases(SubscriberStub stub, String subscriptionPath, int maxOutstanding, Duration ackDeadline, Duration maxExtensionPeriod, Reachability queue)
    {
        this.stub = stub;
        this.queue = queue;
        this.subscriptionPath = subscriptionPath;
        this.ackDeadlineSeconds = Math.toIntExact(ackDeadline.toSeconds());
        this.maxExtensionNanos = maxExtensionPeriod.toNanos();
        this.freeSlots = new Semaphore(maxOutstanding);
    }

    /** Waits for at least one free slot and takes every free one. */
    int takeFreeSlots()
            throws InterruptedException
    {
        freeSlots.acquire();
        return 1 + freeSlots.drainPermits();
    }

    void returnSlots(int slots)
    {
        freeSlots.release(slots);
    }

    /** Holds a pulled message (its slot taken by {@link #takeFreeSlots()}) until its reply is used. */
    AckReplyConsumer lease(String ackId)
    {
        leasedSince.put(ackId, System.nanoTime());
        return new DelayedNackReply()
        {
            @Override
            public void nackAfter(Duration delay)
            {
                end(ackId);
                modifyAckDeadlines(List.of(ackId), deadlineSeconds(delay), "delayed nack");
            }

            @Override
            public void ack()
            {
                end(ackId);
                send(stub.acknowledgeCallable().futureCall(AcknowledgeRequest.newBuilder()
                        .setSubscription(subscriptionPath)
                        .addAckIds(ackId)
                        .build()), "ack");
            }

            @Override
            public void nack()
            {
                end(ackId);
                modifyAckDeadlines(List.of(ackId), 0, "nack");
            }
        };
    }

    /**
     * A delay as an ack deadline: whole seconds, 0-600 (https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions/modifyAckDeadline),
     * rounded up, so that a delay under a second is not a nack that comes back at once.
     */
    static int deadlineSeconds(Duration delay)
    {
        long millis = Math.max(0, delay.toMillis());
        return (int) Math.min(600, (millis + 999) / 1000);
    }

    private void end(String ackId)
    {
        if (leasedSince.remove(ackId) != null) {
            freeSlots.release();
        }
    }

    /** Extends the deadline of every held message; gives up on those held past the maximum extension period. */
    void extendAll()
    {
        long now = System.nanoTime();
        leasedSince.forEach((ackId, since) -> {
            if (now - since > maxExtensionNanos) {
                log.warn("message on {} held longer than the maximum extension period; its deadline is no longer extended", subscriptionPath);
                end(ackId);
            }
        });
        List<String> ackIds = List.copyOf(leasedSince.keySet());
        try {
            if (!ackIds.isEmpty()) {
                modifyAckDeadlines(ackIds, ackDeadlineSeconds, "deadline extension");
            }
        }
        catch (RuntimeException e) {
            // a scheduled task that throws is never run again
            log.warn("could not extend ack deadlines on {}: {}", subscriptionPath, e.getMessage());
        }
    }

    private void modifyAckDeadlines(List<String> ackIds, int seconds, String what)
    {
        for (List<String> chunk : Lists.partition(ackIds, ACK_IDS_PER_REQUEST)) {
            send(stub.modifyAckDeadlineCallable().futureCall(ModifyAckDeadlineRequest.newBuilder()
                    .setSubscription(subscriptionPath)
                    .addAllAckIds(chunk)
                    .setAckDeadlineSeconds(seconds)
                    .build()), what);
        }
    }

    /**
     * Waits, at most {@code timeout}, for the acks and nacks already sent: a worker that stops
     * gives its dates back with nacks, and a process that exits before they are answered leaves
     * those messages to come back only when their ack deadline expires.
     */
    void awaitReplies(Duration timeout)
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ApiFuture<?> reply : List.copyOf(replying)) {
            try {
                reply.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (ExecutionException | TimeoutException | CancellationException e) {
                // failed or late: its message comes back after its deadline, as it would have
            }
        }
    }

    private void send(ApiFuture<?> call, String what)
    {
        replying.add(call);
        call.addListener(() -> replying.remove(call), MoreExecutors.directExecutor());
        ApiFutures.addCallback(call, new ApiFutureCallback<Object>()
        {
            @Override
            public void onSuccess(Object result)
            {
                queue.reached();
            }

            @Override
            public void onFailure(Throwable failure)
            {
                // one line per outage (the reachability's), not one per message
                queue.unreachable(failure);
                log.debug("{} on {} failed; the message is redelivered after its deadline: {}", what, subscriptionPath, failure.getMessage());
            }
        }, MoreExecutors.directExecutor());
    }
}
