package dev.backfillfleet.bench.season;

/** One product process: its wall time (launch to exit, JVM start-up included) and peak resident set (VmHWM). */
public record ProcessRun(String step, String command, double wallSeconds, double peakRssMb, int exitCode) {}
