package dev.backfillfleet.state;

import dev.backfillfleet.domain.DateKey;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Per key, what a cancel decided. */
public record CancelResult(Map<DateKey, CancelDecision> decisions)
{
    public CancelResult
    {
        decisions = Map.copyOf(decisions);
    }

    public List<DateKey> keysWith(CancelDecision decision)
    {
        return decisions.entrySet().stream()
                .filter(entry -> entry.getValue() == decision)
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparing(DateKey::table).thenComparing(DateKey::date))
                .toList();
    }

    public long count(CancelDecision decision)
    {
        return decisions.values().stream().filter(decision::equals).count();
    }
}
