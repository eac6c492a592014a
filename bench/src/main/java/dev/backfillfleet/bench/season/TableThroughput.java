package dev.backfillfleet.bench.season;

/**
 * One table of a season run, from its state records: its dates and rows over the span from its
 * first date's start to its last date's finish (the tables run interleaved, in dependency order).
 */
public record TableThroughput(String table, int dates, int succeeded, int noGames, int failed, long rowsWritten, double spanSeconds, double datesPerSecond,
        double rowsPerSecond) {}
