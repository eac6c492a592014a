package dev.backfillfleet.bench.overhead;

import dev.backfillfleet.bench.fleet.Percentiles;

/** The enqueue rate and the per-date overhead of one backend. */
public record BackendOverhead(
        String backend,
        int enqueueDates,
        double enqueueSeconds,
        double enqueueDatesPerSecond,
        int warmupDates,
        Percentiles overhead,
        String command,
        String reproduce) {}
