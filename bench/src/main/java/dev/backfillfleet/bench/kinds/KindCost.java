package dev.backfillfleet.bench.kinds;

import dev.backfillfleet.bench.fleet.Percentiles;

import java.util.Map;

/** One kind of table's time per date through the worker's runner, and where its mean goes (ms per date, by phase). */
public record KindCost(String kind, String table, Percentiles perDate, Map<String, Double> phasesMeanMs)
{
    public KindCost
    {
        // in the probe's order: state store, write, reads, the rest
        phasesMeanMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phasesMeanMs));
    }
}
