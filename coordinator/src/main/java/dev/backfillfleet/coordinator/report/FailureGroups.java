package dev.backfillfleet.coordinator.report;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.ErrorClass;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Groups failed dates by table, error class and message fingerprint; the largest group first. */
public final class FailureGroups
{
    private FailureGroups() {}

    private record Key(AnalyticsTable table, Optional<ErrorClass> errorClass, String fingerprint) {}

    public static List<FailureGroup> of(Collection<DateRecord> failures)
    {
        Map<Key, List<DateRecord>> grouped = new LinkedHashMap<>();
        for (DateRecord failure : failures) {
            Key key = new Key(failure.key().table(), failure.errorClass(), MessageFingerprint.of(failure.errorMessage().orElse("")));
            grouped.computeIfAbsent(key, ignored -> new java.util.ArrayList<>()).add(failure);
        }
        return grouped.entrySet().stream()
                .map(entry -> new FailureGroup(entry.getKey().table(), entry.getKey().errorClass(), entry.getKey().fingerprint(), entry.getValue()))
                .sorted(Comparator.comparingInt(FailureGroup::count).reversed()
                        .thenComparing(FailureGroup::table)
                        .thenComparing(group -> group.dates().get(0)))
                .toList();
    }
}
