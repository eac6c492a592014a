package dev.backfillfleet.bench;

/** One target of issue 11 and what was measured against it: "met", "not met" or "not measured". */
public record Target(String name, String target, String measured, String status, String reproduce)
{
    public static final String MET = "met";
    public static final String NOT_MET = "not met";
    public static final String NOT_MEASURED = "not measured";

    static Target judged(String name, String target, String measured, boolean met, String reproduce)
    {
        return new Target(name, target, measured, met ? MET : NOT_MET, reproduce);
    }

    static Target notMeasured(String name, String target, String why, String reproduce)
    {
        return new Target(name, target, why, NOT_MEASURED, reproduce);
    }
}
