package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowHash;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.worker.processor.ProcessingContext;
import dev.backfillfleet.worker.processor.ProcessorOutput;
import dev.backfillfleet.worker.processor.TableProcessor;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A table that exercises the fleet itself: it takes a fixed time, writes one row, fails
 * transiently at a given rate and permanently on given dates. It accepts any date.
 */
public final class SyntheticProcessor
        implements TableProcessor
{
    private static final TableSchema SCHEMA = AnalyticsSchemas.synthetic();

    private final Duration latency;
    private final double transientFailureRate;
    private final Set<LocalDate> failDates;

    public SyntheticProcessor(Duration latency, double transientFailureRate, Set<LocalDate> failDates)
    {
        this.latency = latency;
        this.transientFailureRate = transientFailureRate;
        this.failDates = Set.copyOf(failDates);
    }

    public static Set<LocalDate> parseFailDates(String text)
    {
        return text.isBlank() ? Set.of() : DateSelection.parse(text).dates();
    }

    @Override
    public AnalyticsTable table()
    {
        return AnalyticsTable.SYNTHETIC;
    }

    @Override
    public ProcessorOutput process(LocalDate date, ProcessingContext context)
    {
        simulateWork();
        if (failDates.contains(date)) {
            throw FleetException.permanentFailure("synthetic permanent failure on " + date + " (BACKFILL_SYNTHETIC_FAIL_DATES)");
        }
        if (transientFailureRate > 0 && ThreadLocalRandom.current().nextDouble() < transientFailureRate) {
            throw FleetException.transientFailure("synthetic transient failure on " + date + " (BACKFILL_SYNTHETIC_TRANSIENT_FAILURE_RATE)", null);
        }
        Row row = Row.builder()
                .set("game_date", date)
                .set("run_id", context.item().runId())
                .set("worker_id", context.workerId())
                .set("attempt", (long) context.attempt())
                .set("processed_at", context.processedAt())
                .build();
        return ProcessorOutput.of(List.of(RowHash.stamp(SCHEMA, row)), Map.of(date.toString(), 1L));
    }

    private void simulateWork()
    {
        try {
            Thread.sleep(latency.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FleetException.transientFailure("interrupted", e);
        }
    }
}
