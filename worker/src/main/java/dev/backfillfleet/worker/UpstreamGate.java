package dev.backfillfleet.worker;

import dev.backfillfleet.catalog.Catalogs;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.state.StateStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Whether a date's upstream dates are done, at a cost that does not grow with each delivery:
 * upstream dates seen done are remembered for a while (done dates change only by an explicit
 * force or retry), and the rest are read in small chunks, newest first (the likeliest to be
 * still running), stopping at the first chunk with one not done. An {@code upcoming_player}
 * delivery, with 90 upstream dates, reads 90 records the first time and usually 10 after (and its
 * own record, to check that what it remembers was seen done after the date was queued: a forced
 * re-run of an upstream date queues it and its dependents together, and a dependent must not run
 * on what the upstream date was before).
 */
public final class UpstreamGate
{
    static final int CHUNK = 10;
    private static final Comparator<DateKey> NEWEST_FIRST = Comparator.comparing(DateKey::date).reversed();

    private final StateStore stateStore;
    private final Catalogs catalogs;
    private final Clock clock;
    private final Duration rememberDone;
    private final WorkerStats stats;
    private final Map<DateKey, Instant> seenDone = new ConcurrentHashMap<>();

    public UpstreamGate(StateStore stateStore, Catalogs catalogs, Clock clock, Duration rememberDone, WorkerStats stats)
    {
        this.stateStore = requireNonNull(stateStore, "stateStore is null");
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.rememberDone = requireNonNull(rememberDone, "rememberDone is null");
        this.stats = requireNonNull(stats, "stats is null");
    }

    public Check check(WorkItem item)
    {
        Instant now = clock.instant();
        List<DateKey> unknown = new ArrayList<>();
        Map<DateKey, Instant> remembered = new HashMap<>();
        for (DateKey key : catalogs.current().upstreamKeys(item.key())) {
            Instant seen = seenDone.get(key);
            if (seen == null || seen.plus(rememberDone).isBefore(now)) {
                unknown.add(key);
            }
            else {
                remembered.put(key, seen);
            }
        }
        unknown.sort(NEWEST_FIRST);
        Map<DateKey, DateRecord> read = new HashMap<>();
        Set<DateKey> alreadyRead = new HashSet<>();
        if (!remembered.isEmpty()) {
            // an upstream date remembered done counts only if it was seen done after this date was
            // queued: the enqueue that queued this date may have queued it again (--force --downstream).
            // Read with the first upstream chunk, in one round trip. Both instants are the state store's
            // time (this gate's clock is it), so a worker's skewed clock cannot misorder them.
            List<DateKey> first = new ArrayList<>(unknown.subList(0, Math.min(CHUNK, unknown.size())));
            first.add(item.key());
            read.putAll(stateStore.getAll(first));
            alreadyRead.addAll(first);
            Optional<Instant> queuedAt = Optional.ofNullable(read.remove(item.key())).flatMap(DateRecord::queuedAt);
            stats.stateReads(item.table(), WorkerStats.StateRead.UPSTREAM, first.size() - 1);
            stats.stateReads(item.table(), WorkerStats.StateRead.OWN_RECORD, 1);
            queuedAt.ifPresent(queued -> remembered.forEach((key, seen) -> {
                if (!seen.isAfter(queued)) {
                    unknown.add(key);
                }
            }));
            unknown.sort(NEWEST_FIRST);
        }
        for (int start = 0; start < unknown.size(); start += CHUNK) {
            List<DateKey> chunk = unknown.subList(start, Math.min(unknown.size(), start + CHUNK));
            List<DateKey> toRead = chunk.stream().filter(key -> !alreadyRead.contains(key)).toList();
            if (!toRead.isEmpty()) {
                read.putAll(stateStore.getAll(toRead));
                alreadyRead.addAll(toRead);
                stats.stateReads(item.table(), WorkerStats.StateRead.UPSTREAM, toRead.size());
            }
            Optional<Check> verdict = judge(chunk, read, now);
            if (verdict.isPresent()) {
                return verdict.get();
            }
        }
        return Check.READY;
    }

    private Optional<Check> judge(List<DateKey> chunk, Map<DateKey, DateRecord> records, Instant now)
    {
        boolean waiting = false;
        for (DateKey key : chunk) {
            DateRecord record = records.get(key);
            if (record == null || record.state() == DateState.PENDING) {
                return Optional.of(Check.broken("upstream " + key + " was never enqueued; enqueue it (or use --table all) first"));
            }
            if (record.state() == DateState.CANCELLED) {
                return Optional.of(Check.broken("upstream " + key + " was CANCELLED; enqueue it again (or use --table all) first"));
            }
            if (record.state() == DateState.FAILED) {
                return Optional.of(Check.broken("upstream " + key + " FAILED: " + record.errorMessage().orElse("no message")));
            }
            if (record.state().isDone()) {
                seenDone.put(key, now);
            }
            else {
                waiting = true;
            }
        }
        return waiting ? Optional.of(Check.WAITING) : Optional.empty();
    }

    /**
     * Ready when every upstream date is done; waiting while some are on their way; broken when
     * one failed, was cancelled or was never enqueued (waiting would be forever).
     */
    public record Check(boolean waiting, Optional<String> broken)
    {
        static final Check READY = new Check(false, Optional.empty());
        static final Check WAITING = new Check(true, Optional.empty());

        static Check broken(String reason)
        {
            return new Check(false, Optional.of(reason));
        }
    }
}
