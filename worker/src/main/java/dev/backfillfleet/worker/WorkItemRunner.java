package dev.backfillfleet.worker;

import dev.backfillfleet.catalog.CatalogEntry;
import dev.backfillfleet.catalog.Catalogs;
import dev.backfillfleet.catalog.TableDefinition;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.queue.Delivery;
import dev.backfillfleet.state.ClaimResult;
import dev.backfillfleet.state.Completion;
import dev.backfillfleet.state.LeaseLostException;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.warehouse.PartitionWrite;
import dev.backfillfleet.warehouse.PartitionWriteGate;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.StaleWriteException;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.Warehouse;
import dev.backfillfleet.warehouse.WriteToken;
import dev.backfillfleet.worker.RetryPolicy.InterruptedByStop;
import dev.backfillfleet.worker.observability.DeferReason;
import dev.backfillfleet.worker.processor.ComputedDate;
import dev.backfillfleet.worker.processor.ProcessingContext;
import dev.backfillfleet.worker.processor.RowsVerification;
import dev.backfillfleet.worker.processor.TableComputations;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Runs one delivery through the life of a date: dependency gate, claim, process (retried on
 * transient failures) while the lease is renewed, write the partition under a live lease, verify
 * the rows, complete, ack. Each layer is touched once and in that order; the failure's class
 * decides release, fail, ack, or, for a broken environment, giving the date back and stopping
 * the worker. A cancelled date's delivery is acknowledged without work, and so is a paused
 * table's: its date stays QUEUED, uses no attempt and holds no slot, and {@code resume}
 * publishes it again. A paused table's message is not given back to the queue: on Pub/Sub
 * every give-back counts as a delivery attempt, and a long pause would dead-letter the backlog.
 *
 * <p>A lost lease interrupts the processing thread; the attempt's result is discarded and nothing
 * is written. The write itself happens only right after the lease is proved (its record read,
 * or renewed when short of time), and only with more of it left than the warehouse's longest
 * write, so that a worker paused past its lease (a long GC, a stopped VM) cannot overwrite the
 * partition its successor wrote. A date an operator cancels with {@code --now} is stopped the
 * same way: the renewal that finds the cancel records it CANCELLED and interrupts the work, and
 * the proof before the write finds it too, so that the previous partition stays as it was.
 */
public final class WorkItemRunner
{
    private static final Logger log = LoggerFactory.getLogger(WorkItemRunner.class);

    private final StateStore stateStore;
    private final Warehouse warehouse;
    private final Catalogs catalogs;
    private final TableComputations computations;
    private final WorkerSettings settings;
    private final Clock clock;
    private final LeaseKeeper leases;
    private final UpstreamGate upstream;
    private final PausedTables pausedTables;
    private final PartitionWriteGate writeGate;
    private final WorkerStats stats;
    private final Consumer<FleetException> environmentFailures;
    private final Retry processRetry;
    private final Retry writeRetry;
    private volatile Optional<String> stopping = Optional.empty();

    public WorkItemRunner(StateStore stateStore, Warehouse warehouse, Catalogs catalogs, TableComputations computations, WorkerSettings settings, Clock clock,
            LeaseKeeper leases, UpstreamGate upstream, PausedTables pausedTables, PartitionWriteGate writeGate, WorkerStats stats,
            Consumer<FleetException> environmentFailures)
    {
        this.stateStore = requireNonNull(stateStore, "stateStore is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
        this.computations = requireNonNull(computations, "computations is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.leases = requireNonNull(leases, "leases is null");
        this.upstream = requireNonNull(upstream, "upstream is null");
        this.pausedTables = requireNonNull(pausedTables, "pausedTables is null");
        this.writeGate = requireNonNull(writeGate, "writeGate is null");
        this.stats = requireNonNull(stats, "stats is null");
        this.environmentFailures = requireNonNull(environmentFailures, "environmentFailures is null");
        this.processRetry = RetryPolicy.transientFailures("process", settings.retryAttempts(), settings.retryInitialBackoff(),
                settings.throttledBackoff(), throttled -> stats.throttled());
        this.writeRetry = RetryPolicy.transientFailures("write", settings.retryAttempts(), settings.retryInitialBackoff(),
                settings.throttledBackoff(), throttled -> stats.throttled());
    }

    public Outcome handle(Delivery delivery)
    {
        WorkItem item = delivery.item();
        MDC.put("table", item.table().tableName());
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

    /**
     * Stops taking on dates and asks the running ones to give themselves back (shutdown, or an
     * environment that fails every date); returns how many were running.
     */
    public int stopAll(String reason)
    {
        stopping = Optional.of(reason);
        return leases.stopAll(reason);
    }

    private Outcome run(Delivery delivery, WorkItem item)
    {
        try {
            if (stopping.isPresent()) {
                return giveBack(delivery, Optional.empty(), stopping.get());
            }
            if (pausedTables.isPaused(item.table())) {
                // the date stays QUEUED in the state store, which is the truth; resume publishes it again
                delivery.ack();
                return Outcome.PAUSED;
            }
            UpstreamGate.Check gate = upstream.check(item);
            if (gate.waiting()) {
                return defer(delivery, DeferReason.UPSTREAM_NOT_DONE);
            }
            // the lease is measured from the moment the claim is sent, on this process's monotonic clock
            long claimSent = leases.claimSending();
            ClaimResult claim = stateStore.claim(item, settings.workerId(), settings.leaseLength(), settings.tableConcurrency(), settings.maxAttempts());
            leases.storeReachability().reached();
            if (claim instanceof ClaimResult.Claimed claimed) {
                MDC.put("attempt", Integer.toString(claimed.lease().attempt()));
                return gate.broken().isPresent()
                        ? fail(delivery, claimed.lease(), FleetException.permanentFailure(gate.broken().get()))
                        : runClaimed(delivery, claimed.lease(), claimSent);
            }
            if (claim instanceof ClaimResult.AlreadyTerminal terminal) {
                delivery.ack();
                return terminal.state() == DateState.CANCELLED ? Outcome.CANCELLED : Outcome.SKIPPED;
            }
            if (claim instanceof ClaimResult.AttemptsExhausted exhausted) {
                log.warn("{} {}: FAILED: {}", item.table().tableName(), item.date(), exhausted.message());
                stats.failed(item.table(), ErrorClass.TRANSIENT);
                delivery.ack();
                return Outcome.FAILED;
            }
            return defer(delivery, claim instanceof ClaimResult.HeldByOther ? DeferReason.HELD_BY_OTHER : DeferReason.TABLE_AT_CAPACITY);
        }
        catch (RuntimeException e) {
            ErrorClass errorClass = FleetException.classify(e);
            if (errorClass == ErrorClass.ENVIRONMENT) {
                return environment(delivery, Optional.empty(), (FleetException) rootFleetException(e));
            }
            if (errorClass == ErrorClass.TRANSIENT) {
                // the state store did not answer before the claim: nothing is held, the message waits in the queue
                // (one line for the outage, from the reachability, not one per date)
                leases.storeReachability().unreachable(e);
                return defer(delivery, DeferReason.STATE_STORE_UNREACHABLE);
            }
            throw e;
        }
    }

    private Outcome defer(Delivery delivery, DeferReason reason)
    {
        stats.deferred(delivery.item().table(), reason);
        delivery.defer(settings.deferDelay(delivery.timesDeferred() + 1));
        return Outcome.DEFERRED;
    }

    private Outcome runClaimed(Delivery delivery, Lease claimed, long claimSent)
    {
        WorkItem item = delivery.item();
        Instant started = clock.instant();
        try (HeldLease held = leases.hold(claimed, claimSent)) {
            try {
                if (stopping.isPresent()) {
                    return giveBack(delivery, Optional.of(held.current()), stopping.get());
                }
                CatalogEntry entry = catalogEntry(item);
                ComputedDate computed = processRetry.executeSupplier(() -> compute(item, entry, held));
                PartitionWrite written = writeRetry.executeSupplier(write(item, entry.definition(), computed, held));
                RowsVerification.Verified verified = RowsVerification.verify(item.table().tableName(), computed, written);
                Completion completion = new Completion(verified.outcome(), verified.rowsWritten(), verified.rowsExpected(),
                        Duration.between(started, clock.instant()), entry.version());
                stateStore.complete(held.current(), completion);
                delivery.ack();
                log.info("{} {}: {} rows in {} ms (attempt {})", item.table().tableName(), item.date(), completion.rowsWritten(),
                        completion.duration().toMillis(), claimed.attempt());
                return completion.outcome() == DateState.NO_GAMES ? Outcome.NO_GAMES : Outcome.SUCCEEDED;
            }
            catch (RuntimeException e) {
                Thread.interrupted(); // a stop or a lost lease interrupted us: settle with a clean thread
                if (held.cancelled()) {
                    log.info("{} {}: cancelled while it ran; nothing of this attempt was written", item.table().tableName(), item.date());
                    delivery.ack();
                    return Outcome.CANCELLED;
                }
                if (held.expiredUnrenewed()) {
                    // the store was out of reach for the whole lease: another worker may or may not have the date,
                    // so its message goes back to the queue (whoever claims it next finds out); nothing was written
                    log.info("{} {}: {}; this attempt's result is discarded and the message goes back to the queue", item.table().tableName(),
                            item.date(), held.lost().orElseThrow());
                    stats.deferred(item.table(), DeferReason.STATE_STORE_UNREACHABLE);
                    delivery.defer(settings.deferDelay(delivery.timesDeferred() + 1));
                    return Outcome.LEASE_LOST;
                }
                if (held.lost().isPresent() || e instanceof LeaseLostException || e instanceof StaleWriteException) {
                    log.warn("{} {}: {}; this attempt's result is discarded", item.table().tableName(), item.date(),
                            held.lost().orElse(e.getMessage()));
                    delivery.ack();
                    return Outcome.LEASE_LOST;
                }
                if (held.stopRequested().isPresent()) {
                    return giveBack(delivery, Optional.of(held.current()), held.stopRequested().get());
                }
                ErrorClass errorClass = FleetException.classify(e);
                if (errorClass == ErrorClass.ENVIRONMENT) {
                    return environment(delivery, Optional.of(held.current()), (FleetException) rootFleetException(e));
                }
                return errorClass == ErrorClass.TRANSIENT ? release(delivery, held.current(), e) : fail(delivery, held.current(), e);
            }
        }
    }

    /**
     * The table's entry in the catalog as the state store holds it (read afresh when the reading
     * at hand lacks the table); a table no longer in the catalog fails the date saying so.
     */
    private CatalogEntry catalogEntry(WorkItem item)
    {
        return catalogs.current().entry(item.table())
                .or(() -> catalogs.fresh().entry(item.table()))
                .orElseThrow(() -> FleetException.permanentFailure(item.table().tableName() + " is not in the table catalog (version "
                        + catalogs.current().version() + "): apply a catalog file that defines it, then retry the date"));
    }

    private ComputedDate compute(WorkItem item, CatalogEntry entry, HeldLease held)
    {
        Lease lease = held.current();
        ProcessingContext context = new ProcessingContext(warehouse, item, settings.workerId(), lease.attempt(), clock.instant());
        ComputedDate computed = computations.forTable(entry, catalogs.current()).compute(item.date(), context);
        requireStillHeld(held);
        return computed;
    }

    /**
     * The write, one try per call: paced fleet-wide, then the lease proved right before it (a
     * read, or a renewal when it is short of time), and only with more lease left than the
     * warehouse's longest write.
     */
    private java.util.function.Supplier<PartitionWrite> write(WorkItem item, TableDefinition definition, ComputedDate computed, HeldLease held)
    {
        AtomicInteger tries = new AtomicInteger();
        TableRef table = definition.ref();
        return () -> {
            requireStillHeld(held);
            try {
                writeGate.acquire(table);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                requireStillHeld(held);
                throw FleetException.transientFailure("interrupted waiting for a write permit for " + table, e);
            }
            requireStillHeld(held);
            // proving the lease right before the write finds a successor or a cancel --now
            Lease lease = held.proveFor(warehouse.maximumWriteTime());
            // measured on the monotonic clock from when the claim or renewal was sent, never against the record's expiry
            Duration left = held.timeLeft();
            if (left.compareTo(warehouse.maximumWriteTime()) <= 0) {
                throw FleetException.transientFailure("the lease has " + left.toMillis() + " ms left, less than a write may take ("
                        + warehouse.maximumWriteTime().toMillis() + " ms): not writing", null);
            }
            WriteToken token = new WriteToken(item.runId(), settings.workerId(), lease.attempt(), lease.startedAt(), tries.incrementAndGet());
            if (computed instanceof ComputedDate.Select select) {
                return warehouse.replacePartitionWithSelect(table, item.date(), select.sql(), token);
            }
            List<Row> rows = computed instanceof ComputedDate.Rows given ? given.rows() : List.of();
            return new PartitionWrite(warehouse.replacePartition(table, item.date(), rows, token), rows.size());
        };
    }

    private static void requireStillHeld(HeldLease held)
    {
        if (held.lost().isPresent()) {
            throw new LeaseLostException(held.current(), held.lost().get());
        }
        if (held.stopRequested().isPresent()) {
            throw new InterruptedByStop("stopped: " + held.stopRequested().get());
        }
    }

    private Outcome release(Delivery delivery, Lease lease, RuntimeException failure)
    {
        log.warn("{} {}: transient failure after {} attempts, releasing for redelivery: {}", delivery.item().table().tableName(),
                delivery.item().date(), settings.retryAttempts(), failure.getMessage());
        try {
            stateStore.release(lease, Optional.of(ErrorClass.TRANSIENT), Optional.of(message(failure)));
        }
        catch (LeaseLostException e) {
            log.warn("{}", e.getMessage());
        }
        catch (RuntimeException e) {
            if (FleetException.classify(e) != ErrorClass.TRANSIENT) {
                throw e;
            }
            // the store is out of reach: the lease expires and the redelivered message is claimed again
            leases.storeReachability().unreachable(e);
        }
        delivery.release(settings.releaseDelay(delivery.deliveryAttempt()));
        return Outcome.RELEASED;
    }

    private Outcome fail(Delivery delivery, Lease lease, RuntimeException failure)
    {
        ErrorClass errorClass = FleetException.classify(failure);
        if (failure instanceof FleetException) {
            log.warn("{} {}: FAILED ({}): {}", delivery.item().table().tableName(), delivery.item().date(), errorClass, failure.getMessage());
        }
        else {
            log.error("{} {}: FAILED with an unexpected error", delivery.item().table().tableName(), delivery.item().date(), failure);
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

    /** The environment is broken: nothing is marked failed; give the date back and have the worker stop. */
    private Outcome environment(Delivery delivery, Optional<Lease> lease, FleetException failure)
    {
        environmentFailures.accept(failure);
        return giveBack(delivery, lease, "the environment is broken: " + failure.getMessage());
    }

    /** Back to QUEUED and to the queue, without counting as a failure; best effort, the broken part may be the store itself. */
    private Outcome giveBack(Delivery delivery, Optional<Lease> lease, String reason)
    {
        lease.ifPresent(held -> {
            try {
                stateStore.giveBack(held);
            }
            catch (RuntimeException e) {
                warnUnlessEnvironment(e, "could not give back {} in the state store ({}); its lease expires", held.key(), e.getMessage());
            }
        });
        try {
            delivery.defer(Duration.ZERO);
        }
        catch (RuntimeException e) {
            warnUnlessEnvironment(e, "could not give back message {} ({}); it is redelivered when its deadline expires", delivery.messageId(), e.getMessage());
        }
        return Outcome.GIVEN_BACK;
    }

    /**
     * A give-back that fails because the environment is broken (a full disk) is a consequence of
     * the failure the worker reports once, as it stops: not worth a warning per date.
     */
    private static void warnUnlessEnvironment(RuntimeException failure, String format, Object... arguments)
    {
        if (FleetException.classify(failure) == ErrorClass.ENVIRONMENT) {
            log.debug(format, arguments);
        }
        else {
            log.warn(format, arguments);
        }
    }

    private static Throwable rootFleetException(Throwable failure)
    {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof FleetException fleetException && fleetException.errorClass() == ErrorClass.ENVIRONMENT) {
                return current;
            }
        }
        return failure;
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
