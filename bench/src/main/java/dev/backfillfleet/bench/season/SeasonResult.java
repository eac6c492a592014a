package dev.backfillfleet.bench.season;

import java.util.List;

/**
 * A season of real tables from a fresh home, and the same under a small heap.
 *
 * @param seeding {@code coordinator demo-data}, timed on its own (null in --quick, where the run seeds lazily what it reads)
 * @param smallHeapCompleted whether the worker under -Xmx256m exited 0 with every date SUCCEEDED or NO_GAMES
 */
public record SeasonResult(
        String tables,
        String range,
        ProcessRun seeding,
        ProcessRun run,
        double runActiveSeconds,
        List<TableThroughput> throughput,
        ProcessRun smallHeapEnqueue,
        ProcessRun smallHeapWorker,
        boolean smallHeapCompleted,
        String smallHeapOutcome,
        String method,
        String reproduce)
{
    public SeasonResult
    {
        throughput = List.copyOf(throughput);
    }
}
