package dev.backfillfleet.bench.kinds;

import dev.backfillfleet.bench.fleet.Percentiles;

import java.util.List;

/**
 * The command table's program per date, measured apart: started bare, through the worker's
 * CommandRunner, and the runner's search for leftover processes alone (a scan of the
 * {@code processesOnMachine} processes' environments).
 */
public record ProgramCost(List<String> argv, Percentiles bare, Percentiles commandRunner, Percentiles leftoverSearch, long processesOnMachine)
{
    public ProgramCost
    {
        argv = List.copyOf(argv);
    }
}
