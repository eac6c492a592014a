package dev.backfillfleet.bench.scaling;

/**
 * One W of one mode: the run of N and the run of 2N dates. The marginal figures compare the two,
 * so what both runs pay once (start-up, the last date's tail) cancels:
 * marginal efficiency = (delta N x L / W) / delta wall.
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
        Double speedUp,
        Double marginalSpeedUp,
        String note,
        String reproduce)
{
    ScalingPoint withSpeedUps(Double speedUp, Double marginalSpeedUp)
    {
        return new ScalingPoint(mode, slots, processes, base, doubled, marginalDatesPerSecond, marginalEfficiency, speedUp, marginalSpeedUp, note, reproduce);
    }
}
