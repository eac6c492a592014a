package dev.backfillfleet.bench.growth;

/** How a verb's time per date changed from the smallest size to the largest it was measured at. */
public record VerbGrowth(String verb, int fromDates, int toDates, double fromMicrosPerDate, double toMicrosPerDate, double ratio, boolean flagged) {}
