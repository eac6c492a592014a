package dev.backfillfleet.bench.kinds;

import java.util.List;

/** The cost per date of each kind of table (built-in, SQL, command), with the command's program measured apart. */
public record KindsResult(List<KindCost> kinds, ProgramCost program, int warmupDates, String method, String probeCommand, String reproduce)
{
    public KindsResult
    {
        kinds = List.copyOf(kinds);
    }
}
