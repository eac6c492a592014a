package dev.backfillfleet.coordinator.report;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRecord;

import java.util.function.Consumer;

/** A table's records within the report's range, handed over in date order, a bounded number at a time. */
@FunctionalInterface
public interface RecordSource
{
    void forEach(AnalyticsTable table, Consumer<DateRecord> action);
}
