package dev.backfillfleet.worker;

import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.queue.Delivery;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.state.ClaimResult;
import dev.backfillfleet.state.Completion;
import dev.backfillfleet.state.LeaseLostException;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.warehouse.Warehouse;
import dev.backfillfleet.worker.observability.DeferReason;
import dev.backfillfleet.worker.processor.ExpectedRowsCheck;
import dev.backfillfleet.worker.processor.ProcessingContext;
import dev.backfillfleet.worker.processor.ProcessorOutput;
import dev.backfillfleet.worker.processor.ProcessorRegistry;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * Runs one delivery through the life of a date: dependency gate, claim, process with retries
 * while the lease is renewed, write the partition, verify the rows, complete, ack. Each layer
 * is touched once and in that order; the failure's class decides release, fail or ack.
 */
public final class WorkItemRunner
{
    private static final Logger log = LoggerFactory.getLogger(WorkItemRunner.class);
    private static final Duration HELD_BY_OTHER_DELAY = Duration.ofSeconds(5);
    private static final Duration AT_CAPACITY_DELAY = Duration.ofMillis(500);

    private final StateStore stateStore;
    private final Warehouse warehouse;
    private final ProcessorRegistry processors;
    private final WorkerSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService heartbeats;
    private final WorkerStats stats;
    private final Retry retry;

    public WorkItemRunner(StateStore stateStore, Warehouse warehouse, ProcessorRegistry processors, WorkerSettings settings,
            Clock clock, ScheduledExecutorService heartbeats, WorkerStats stats)
    {
        this.stateStore = requireNonNull(stateStore, "stateStore is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.processors = requireNonNull(processors, "processors is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.heartbeats = requireNonNull(heartbeats, "heartbeats is null");
        this.stats = requireNonNull(stats, "stats is null");
        this.retry = RetryPolicy.transientFailures("process-and-write", settings.retryAttempts(), settings.retryInitialBackoff());
    }

    public Outcome handle(Delivery delivery)
    {
        WorkItem item = delivery.item();
        MDC.put("table", item.table().shortName());
        MDC.put("date", item.date().toString());
        MDC.put("run_id", item.runId());
        stats.started();
        Instant received = clock.instant();
        Outcome outcome = Outcome.RELEASED;
        try {
            outcome = run(delivery, item);
            return outcome;
        }
        finally {
            stats.finished(item.table(), outcome, Duration.between(received, clock.instant()));
            MDC.clear();
        }
    }

    private Outcome run(Delivery delivery, WorkItem item)
    {
        UpstreamCheck upstream = checkUpstream(item);
        if (upstream.waiting()) {
            stats.deferred(item.table(), DeferReason.UPSTREAM_NOT_DONE);
            delivery.defer(settings.dependencyDelay());
            return Outcome.DEFERRED;
        }
        ClaimResult claim = stateStore.claim(item, settings.workerId(), settings.leaseLength(), settings.tableConcurrency());
        if (claim instanceof ClaimResult.Claimed claimed) {
            MDC.put("attempt", Integer.toString(claimed.lease().attempt()));
            return upstream.broken().isPresent()
                    ? fail(delivery, claimed.lease(), FleetException.permanentFailure(upstream.broken().get()))
                    : runClaimed(delivery, claimed.lease());
        }
        if (claim instanceof ClaimResult.AlreadyTerminal) {
            delivery.ack();
            return Outcome.SKIPPED;
        }
        stats.deferred(item.table(), claim instanceof ClaimResult.HeldByOther ? DeferReason.HELD_BY_OTHER : DeferReason.TABLE_AT_CAPACITY);
        delivery.defer(claim instanceof ClaimResult.HeldByOther ? HELD_BY_OTHER_DELAY : AT_CAPACITY_DELAY);
        return Outcome.DEFERRED;
    }

    /**
     * Ready when every upstream date is done; waiting while some are on their way; broken when
     * one failed or was never enqueued (waiting would be forever).
     */
    private UpstreamCheck checkUpstream(WorkItem item)
    {
        List<DateKey> upstream = item.table().upstreamKeys(item.date());
        if (upstream.isEmpty()) {
            return UpstreamCheck.READY;
        }
        Map<DateKey, DateRecord> records = stateStore.getAll(upstream);
        boolean waiting = false;
        for (DateKey key : upstream) {
            DateRecord record = records.get(key);
            if (record == null || record.state() == DateState.PENDING) {
                return UpstreamCheck.broken("upstream " + key + " was never enqueued; enqueue it (or use --table all) first");
            }
            if (record.state() == DateState.FAILED) {
                return UpstreamCheck.broken("upstream " + key + " FAILED: " + record.errorMessage().orElse("no message"));
            }
            waiting |= !record.state().isDone();
        }
        return waiting ? UpstreamCheck.WAITING : UpstreamCheck.READY;
    }

    private record UpstreamCheck(boolean waiting, Optional<String> broken)
    {
        static final UpstreamCheck READY = new UpstreamCheck(false, Optional.empty());
        static final UpstreamCheck WAITING = new UpstreamCheck(true, Optional.empty());

        static UpstreamCheck broken(String reason)
        {
            return new UpstreamCheck(false, Optional.of(reason));
        }
    }

    private Outcome runClaimed(Delivery delivery, Lease claimed)
    {
        AtomicReference<Lease> lease = new AtomicReference<>(claimed);
        Instant started = clock.instant();
        long renewEvery = Math.max(1, settings.leaseLength().toMillis() / 3);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> renew(lease), renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        try {
            Completion completion = retry.executeSupplier(() -> processAndWrite(delivery.item(), lease.get(), started));
            stateStore.complete(lease.get(), completion);
            delivery.ack();
            log.info("{} {}: {} rows in {} ms (attempt {})", delivery.item().table().shortName(), delivery.item().date(),
                    completion.rowsWritten(), completion.duration().toMillis(), claimed.attempt());
            return completion.outcome() == DateState.NO_GAMES ? Outcome.NO_GAMES : Outcome.SUCCEEDED;
        }
        catch (LeaseLostException e) {
            log.warn("{}; discarding this attempt's result", e.getMessage());
            delivery.ack();
            return Outcome.LEASE_LOST;
        }
        catch (RuntimeException e) {
            if (FleetException.classify(e) == ErrorClass.TRANSIENT) {
                return release(delivery, lease.get(), e);
            }
            return fail(delivery, lease.get(), e);
        }
        finally {
            heartbeat.cancel(false);
        }
    }

    private Completion processAndWrite(WorkItem item, Lease lease, Instant started)
    {
        ProcessingContext context = new ProcessingContext(warehouse, item, settings.workerId(), lease.attempt(), clock.instant());
        ProcessorOutput output = processors.processor(item.table()).process(item.date(), context);
        long written = warehouse.replacePartition(AnalyticsSchemas.ref(item.table()), item.date(), output.rows());
        ExpectedRowsCheck.verify(item.table().tableName(), output, written);
        Duration duration = Duration.between(started, clock.instant());
        return new Completion(output.noGames() ? DateState.NO_GAMES : DateState.SUCCEEDED, written, output.expectedRows(), duration);
    }

    private void renew(AtomicReference<Lease> lease)
    {
        try {
            lease.set(stateStore.heartbeat(lease.get(), settings.leaseLength()));
        }
        catch (RuntimeException e) {
            log.warn("lease renewal failed for {}: {}", lease.get().key(), e.getMessage());
        }
    }

    private Outcome release(Delivery delivery, Lease lease, RuntimeException failure)
    {
        log.warn("{} {}: transient failure after {} attempts, releasing for redelivery: {}", delivery.item().table().shortName(),
                delivery.item().date(), settings.retryAttempts(), failure.getMessage());
        try {
            stateStore.release(lease, Optional.of(ErrorClass.TRANSIENT), Optional.of(message(failure)));
        }
        catch (LeaseLostException e) {
            log.warn("{}", e.getMessage());
        }
        delivery.release(settings.releaseDelay(delivery.deliveryAttempt()));
        return Outcome.RELEASED;
    }

    private Outcome fail(Delivery delivery, Lease lease, RuntimeException failure)
    {
        ErrorClass errorClass = FleetException.classify(failure);
        if (failure instanceof FleetException) {
            log.warn("{} {}: FAILED ({}): {}", delivery.item().table().shortName(), delivery.item().date(), errorClass, failure.getMessage());
        }
        else {
            log.error("{} {}: FAILED with an unexpected error", delivery.item().table().shortName(), delivery.item().date(), failure);
        }
        try {
            stateStore.fail(lease, errorClass, message(failure));
        }
        catch (LeaseLostException e) {
            log.warn("{}", e.getMessage());
            delivery.ack();
            return Outcome.LEASE_LOST;
        }
        stats.failed(delivery.item().table(), errorClass);
        delivery.ack();
        return Outcome.FAILED;
    }

    private static String message(Throwable failure)
    {
        String message = failure.getMessage();
        if (failure instanceof FleetException) {
            return message;
        }
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
