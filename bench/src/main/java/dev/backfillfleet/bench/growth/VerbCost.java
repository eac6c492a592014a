package dev.backfillfleet.bench.growth;

/**
 * One coordinator verb over one number of dates, run in this JVM as the CLI runs it.
 *
 * @param peakHeapMb the sum of the heap pools' peak usage during the verb, after a full GC
 *         before it; it includes {@code baselineHeapMb}, what the harness itself held then
 * @param allocatedMb bytes allocated by the thread that ran the verb
 * @param skipped why the verb was not run at this size (its extrapolated time exceeded the budget), or null
 */
public record VerbCost(
        String verb,
        int dates,
        Double seconds,
        Double microsPerDate,
        Double peakHeapMb,
        Double baselineHeapMb,
        Double allocatedMb,
        Long outputBytes,
        Integer exitCode,
        String skipped,
        String command,
        String reproduce) {}
