package dev.backfillfleet.firestore;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static dev.backfillfleet.testing.ConfigAssertions.assertFullMapping;
import static dev.backfillfleet.testing.ConfigAssertions.assertRecordedDefaults;

class TestFirestoreConfig
{
    @Test
    void defaults()
    {
        assertRecordedDefaults(FirestoreConfig.KEYS, FirestoreConfig::from, new FirestoreConfig("(default)", "backfill_dates", Optional.empty()));
    }

    @Test
    void explicitPropertyMappings()
    {
        assertFullMapping(FirestoreConfig.KEYS, Map.of(
                        "backfill.firestore-database", "backfill-state",
                        "backfill.firestore-collection", "dates_2024"),
                FirestoreConfig::from,
                new FirestoreConfig("backfill-state", "dates_2024", Optional.empty()));
    }
}
