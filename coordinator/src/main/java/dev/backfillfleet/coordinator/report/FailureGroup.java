package dev.backfillfleet.coordinator.report;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.ErrorClass;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Failures of one table with the same error class and message fingerprint: most likely one cause. */
public record FailureGroup(AnalyticsTable table, Optional<ErrorClass> errorClass, String fingerprint, List<DateRecord> failures)
{
    public FailureGroup
    {
        requireNonNull(table, "table is null");
        requireNonNull(errorClass, "errorClass is null");
        requireNonNull(fingerprint, "fingerprint is null");
        failures = failures.stream().sorted(Comparator.comparing(record -> record.key().date())).toList();
        if (failures.isEmpty()) {
            throw new IllegalArgumentException("a failure group has at least one failure");
        }
    }

    public int count()
    {
        return failures.size();
    }

    public List<LocalDate> dates()
    {
        return failures.stream().map(record -> record.key().date()).toList();
    }

    /** The message of the earliest date, as it was recorded. */
    public String example()
    {
        return failures.get(0).errorMessage().orElse("");
    }

    public int minAttempts()
    {
        return failures.stream().mapToInt(DateRecord::attempts).min().orElse(0);
    }

    public int maxAttempts()
    {
        return failures.stream().mapToInt(DateRecord::attempts).max().orElse(0);
    }

    public String errorClassName()
    {
        return errorClass.map(Enum::name).orElse("UNKNOWN");
    }
}
