package dev.backfillfleet.bench.scaling;

import java.util.List;
import java.util.Optional;

/** Every W of both modes: threads in one process, and the same W split over worker processes. */
public record ScalingResult(long latencyMs, String datesRule, String method, List<ScalingPoint> points)
{
    public ScalingResult
    {
        points = List.copyOf(points);
    }

    public Optional<ScalingPoint> point(String mode, int slots)
    {
        return points.stream().filter(point -> point.mode().equals(mode) && point.slots() == slots).findFirst();
    }
}
