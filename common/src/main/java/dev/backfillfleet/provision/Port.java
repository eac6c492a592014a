package dev.backfillfleet.provision;

/** The three ports an adapter serves. */
public enum Port
{
    QUEUE,
    STATE,
    WAREHOUSE
}
