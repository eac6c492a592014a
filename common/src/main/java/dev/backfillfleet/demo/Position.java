package dev.backfillfleet.demo;

public enum Position
{
    GUARD,
    FORWARD,
    CENTER
}
