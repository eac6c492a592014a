package dev.backfillfleet.bench.overhead;

import java.util.List;

/**
 * @param largeBacklogSlowdown time per date with the large backlog over that with the small one
 */
public record OverheadResult(List<BackendOverhead> backends, String emulators, List<DrainRun> drains, Double largeBacklogSlowdown, String method)
{
    public OverheadResult
    {
        backends = List.copyOf(backends);
        drains = List.copyOf(drains);
    }
}
