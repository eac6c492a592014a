package dev.backfillfleet.config;

/** Which adapter serves the state store: the embedded SQLite store or Firestore. */
public enum StateBackend
        implements Backend
{
    EMBEDDED("embedded"),
    FIRESTORE("firestore");

    private final String configName;

    StateBackend(String configName)
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
