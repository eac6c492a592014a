package dev.backfillfleet.bench;

import dev.backfillfleet.bench.growth.GrowthResult;
import dev.backfillfleet.bench.kinds.KindsResult;
import dev.backfillfleet.bench.machine.Machine;
import dev.backfillfleet.bench.machine.Versions;
import dev.backfillfleet.bench.overhead.OverheadResult;
import dev.backfillfleet.bench.scaling.ScalingResult;
import dev.backfillfleet.bench.season.SeasonResult;

import java.util.List;
import java.util.Map;

/** Everything one {@code bin/bench} run measured: the JSON document, section by section (a section not run is absent). */
public record BenchReport(
        String command,
        boolean quick,
        String startedAt,
        double durationSeconds,
        String loadAverageAtStart,
        String loadAverageAtEnd,
        Machine machine,
        Versions versions,
        ScalingResult scaling,
        OverheadResult overhead,
        GrowthResult growth,
        SeasonResult season,
        KindsResult kinds,
        Map<String, String> errors,
        List<Target> targets)
{
    public BenchReport
    {
        errors = Map.copyOf(errors);
        targets = List.copyOf(targets);
    }
}
