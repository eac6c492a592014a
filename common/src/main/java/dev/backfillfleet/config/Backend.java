package dev.backfillfleet.config;

/** An adapter choice for one port, named in configuration as {@link #configName()}. */
public interface Backend
{
    /** The name operators write: {@code embedded}, {@code pubsub}, ... */
    String configName();

    boolean isGoogleCloud();
}
