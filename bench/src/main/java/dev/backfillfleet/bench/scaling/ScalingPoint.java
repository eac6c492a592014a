package dev.backfillfleet.bench.scaling;

/**
 * One W of one mode: the run of N and the run of 2N dates. The marginal figures compare the two,
 * so what both runs pay once (start-up, the last date's tail) cancels:
 * marginal efficiency = (delta N x L / W) / delta wall, with the walls from the first date's start
 * to the last one's finish ({@link ScalingRun#activeSeconds}); {@code marginalEfficiencyLaunchWall}
 * uses the walls from the launch, whose JVM start-ups (seconds, for four JVMs on two cores) vary
 * by more than a small delta N takes.
 *
 * @param speedUp dates per second of the 2N run over that of W = 1 in the same mode (null without W = 1)
 * @param marginalSpeedUp the same with marginal rates (delta N / delta wall)
 */
public record ScalingPoint(
        String mode,
        int slots,
        int processes,
        ScalingRun base,
        ScalingRun doubled,
        double marginalDatesPerSecond,
        double marginalEfficiency,
        double marginalEfficiencyLaunchWall,
        Double speedUp,
        Double marginalSpeedUp,
        String note,
        String reproduce)
{
    ScalingPoint withSpeedUps(Double speedUp, Double marginalSpeedUp)
    {
        return new ScalingPoint(mode, slots, processes, base, doubled, marginalDatesPerSecond, marginalEfficiency, marginalEfficiencyLaunchWall, speedUp,
                marginalSpeedUp, note, reproduce);
    }
}
