package dev.backfillfleet.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.backfillfleet.testing.ConfigAssertions.assertFullMapping;
import static dev.backfillfleet.testing.ConfigAssertions.assertRecordedDefaults;

class TestAdapterSelection
{
    @Test
    void defaults()
    {
        assertRecordedDefaults(AdapterSelection.KEYS, AdapterSelection::from,
                new AdapterSelection(QueueBackend.EMBEDDED, StateBackend.EMBEDDED, WarehouseBackend.EMBEDDED));
    }

    @Test
    void explicitPropertyMappings()
    {
        // backfill.backend=gcp picks every Google adapter; each port's own key overrides it
        assertFullMapping(AdapterSelection.KEYS, Map.of(
                        "backfill.backend", "gcp",
                        "backfill.queue", "embedded",
                        "backfill.state", "firestore",
                        "backfill.warehouse", "bigquery"),
                AdapterSelection::from,
                new AdapterSelection(QueueBackend.EMBEDDED, StateBackend.FIRESTORE, WarehouseBackend.BIGQUERY));
    }
}
