package dev.backfillfleet.state;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.state.DateTransitions.Decided;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * State records in memory, under one lock: the smallest storage the state machine runs on, and
 * the proof that a backend is a primitive plus queries. Decisions run under the lock, as a
 * SQLite transaction runs under the file's write lock.
 */
public final class TestingStateStorage
        implements StateStorage
{
    private final Map<DateKey, DateRecord> records = new TreeMap<>(Comparator.comparing((DateKey key) -> key.table().tableName()).thenComparing(DateKey::date));
    private final Clock clock;

    public TestingStateStorage(Clock clock)
    {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public synchronized <R> R update(String operation, DateKey key, Decision<R> decision)
    {
        return apply(decision.decide(key, Optional.ofNullable(records.get(key)), clock.instant()));
    }

    @Override
    public synchronized <R> R updateCounted(String operation, DateKey key, int maxRunningPerTable, CountedDecision<R> decision)
    {
        Instant now = clock.instant();
        long live = records.values().stream().filter(record -> record.key().table().equals(key.table()) && record.isLeasedAt(now)).count();
        return apply(decision.decide(Optional.ofNullable(records.get(key)), now, live));
    }

    @Override
    public synchronized <R> Map<DateKey, R> updateEach(String operation, Collection<DateKey> keys, Decision<R> decision)
    {
        Instant now = clock.instant();
        Map<DateKey, R> decisions = new HashMap<>();
        for (DateKey key : keys) {
            decisions.put(key, apply(decision.decide(key, Optional.ofNullable(records.get(key)), now)));
        }
        return decisions;
    }

    private <R> R apply(Decided<R> decided)
    {
        decided.next().ifPresent(next -> records.put(next.key(), next));
        return decided.decision();
    }

    @Override
    public synchronized Optional<DateRecord> get(DateKey key)
    {
        return Optional.ofNullable(records.get(key));
    }

    @Override
    public synchronized Map<DateKey, DateRecord> getAll(Collection<DateKey> keys)
    {
        Map<DateKey, DateRecord> found = new LinkedHashMap<>();
        keys.forEach(key -> Optional.ofNullable(records.get(key)).ifPresent(record -> found.put(key, record)));
        return found;
    }

    @Override
    public synchronized List<DateRecord> list(AnalyticsTable table, Optional<DateRange> range, Set<DateState> states)
    {
        return select(record -> record.key().table().equals(table) && within(record, range) && (states.isEmpty() || states.contains(record.state())));
    }

    @Override
    public synchronized Map<DateState, Long> countByState(AnalyticsTable table, Optional<DateRange> range)
    {
        return count(select(record -> record.key().table().equals(table) && within(record, range)));
    }

    @Override
    public synchronized long countFinishedSince(AnalyticsTable table, Instant since)
    {
        Set<DateState> finished = Set.of(DateState.SUCCEEDED, DateState.NO_GAMES, DateState.FAILED);
        return select(record -> record.key().table().equals(table) && finished.contains(record.state())
                && record.finishedAt().filter(at -> !at.isBefore(since)).isPresent()).size();
    }

    @Override
    public synchronized RunSummary summarizeRun(String runId)
    {
        List<DateRecord> ofRun = select(record -> record.runId().equals(runId));
        return new RunSummary(count(ofRun),
                ofRun.stream().flatMap(record -> record.startedAt().stream()).min(Comparator.naturalOrder()),
                ofRun.stream().flatMap(record -> record.finishedAt().stream()).max(Comparator.naturalOrder()));
    }

    @Override
    public synchronized Map<DateState, Long> countByRun(String runId, AnalyticsTable table)
    {
        return count(select(record -> record.runId().equals(runId) && record.key().table().equals(table)));
    }

    @Override
    public synchronized List<DateRecord> listRun(String runId, AnalyticsTable table, Set<DateState> states)
    {
        return select(record -> record.runId().equals(runId) && record.key().table().equals(table) && (states.isEmpty() || states.contains(record.state())));
    }

    private List<DateRecord> select(Predicate<DateRecord> wanted)
    {
        return records.values().stream().filter(wanted).toList();
    }

    private static boolean within(DateRecord record, Optional<DateRange> range)
    {
        return range.map(dates -> !record.key().date().isBefore(dates.first()) && !record.key().date().isAfter(dates.last())).orElse(true);
    }

    private static Map<DateState, Long> count(List<DateRecord> records)
    {
        return records.stream().collect(Collectors.groupingBy(DateRecord::state, () -> new EnumMap<>(DateState.class), Collectors.counting()));
    }
}
