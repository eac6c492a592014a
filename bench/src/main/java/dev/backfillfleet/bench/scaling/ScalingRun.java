package dev.backfillfleet.bench.scaling;

/**
 * One run: N synthetic dates of latency L over W slots in one or several processes.
 *
 * @param wallSeconds from the start of the worker(s) (for processes: their launch, JVM start-up
 *         included) to the last date's completion
 * @param activeSeconds from the first date's start (its claim) to the last date's completion
 * @param efficiency the ideal N x L / W over the wall time
 */
public record ScalingRun(int dates, int slots, int processes, double wallSeconds, double activeSeconds, double datesPerSecond, double efficiency, String command)
{
    /** Dates per second once the first date started: what a larger run of this W can expect, start-up aside. */
    public double activeDatesPerSecond()
    {
        return dates / activeSeconds;
    }
}
