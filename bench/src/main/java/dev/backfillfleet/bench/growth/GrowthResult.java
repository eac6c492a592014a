package dev.backfillfleet.bench.growth;

import java.util.List;

public record GrowthResult(List<Integer> sizes, List<VerbCost> costs, List<VerbGrowth> growth, double flagAbove, String method)
{
    public GrowthResult
    {
        sizes = List.copyOf(sizes);
        costs = List.copyOf(costs);
        growth = List.copyOf(growth);
    }
}
