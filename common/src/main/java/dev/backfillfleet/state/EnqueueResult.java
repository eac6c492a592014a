package dev.backfillfleet.state;

import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.EnqueuePolicy.EnqueueDecision;

import java.util.List;
import java.util.Map;

/** Per key, what an enqueue decided; {@link #queued()} are the keys now QUEUED. */
public record EnqueueResult(Map<DateKey, EnqueueDecision> decisions)
{
    public EnqueueResult
    {
        decisions = Map.copyOf(decisions);
    }

    public List<DateKey> queued()
    {
        return keysWith(EnqueueDecision.QUEUE);
    }

    public List<DateKey> keysWith(EnqueueDecision decision)
    {
        return decisions.entrySet().stream()
                .filter(entry -> entry.getValue() == decision)
                .map(Map.Entry::getKey)
                .sorted(java.util.Comparator.comparing(DateKey::table).thenComparing(DateKey::date))
                .toList();
    }

    public long count(EnqueueDecision decision)
    {
        return decisions.values().stream().filter(decision::equals).count();
    }
}
