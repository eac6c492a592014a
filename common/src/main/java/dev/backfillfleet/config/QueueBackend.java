package dev.backfillfleet.config;

/** Which adapter serves the work queue: the embedded SQLite queue or Google Cloud Pub/Sub. */
public enum QueueBackend
        implements Backend
{
    EMBEDDED("embedded"),
    PUBSUB("pubsub");

    private final String configName;

    QueueBackend(String configName)
    {
        this.configName = configName;
    }

    @Override
    public String configName()
    {
        return configName;
    }

    @Override
    public boolean isGoogleCloud()
    {
        return this != EMBEDDED;
    }
}
