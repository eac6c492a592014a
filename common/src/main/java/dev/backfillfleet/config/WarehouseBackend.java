package dev.backfillfleet.config;

/** Which adapter serves the warehouse: the embedded SQLite warehouse or BigQuery. */
public enum WarehouseBackend
        implements Backend
{
    EMBEDDED("embedded"),
    BIGQUERY("bigquery");

    private final String configName;

    WarehouseBackend(String configName)
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
