package dev.backfillfleet.worker.processor;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.FleetException;

import java.util.List;
import java.util.Map;

/** The processor of each table this worker can run. */
public final class ProcessorRegistry
{
    private final Map<AnalyticsTable, TableProcessor> processors = new java.util.HashMap<>();

    public ProcessorRegistry(List<TableProcessor> processors)
    {
        for (TableProcessor processor : processors) {
            if (this.processors.put(processor.table(), processor) != null) {
                throw new IllegalArgumentException("two processors for " + processor.table());
            }
        }
    }

    public TableProcessor processor(AnalyticsTable table)
    {
        TableProcessor processor = processors.get(table);
        if (processor == null) {
            throw FleetException.permanentFailure("this worker has no processor for table " + table.tableName());
        }
        return processor;
    }

    public boolean supports(AnalyticsTable table)
    {
        return processors.containsKey(table);
    }
}
