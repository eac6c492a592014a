package dev.backfillfleet.demo;

/** One game to schedule, by index into {@link DemoTeam#all()}. */
record Matchup(int home, int away) {}
