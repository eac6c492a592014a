package dev.backfillfleet.firestore;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.warehouse.TableRef;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** infra/ deploys the adapter's index list; the file must say exactly what the list says. */
class TestFirestoreIndexes
{
    @Test
    void theDeployedIndexFileIsTheAdaptersList()
            throws Exception
    {
        Path file = Path.of("..").resolve(FirestoreIndexes.INDEX_FILE);
        String expected = FirestoreIndexes.firebaseIndexFile(FirestoreStateStoreSettings.DEFAULT_COLLECTION);
        assertThat(Files.readString(file))
                .as("%s differs from FirestoreIndexes; write it anew with: bin/coordinator setup --print-firestore-indexes > %s",
                        FirestoreIndexes.INDEX_FILE, FirestoreIndexes.INDEX_FILE)
                .isEqualTo(expected);
    }

    @Test
    void theExemptionsNameFieldsTheDocumentsHave()
    {
        String collection = FirestoreStateStoreSettings.DEFAULT_COLLECTION;
        DateKey key = new DateKey(AnalyticsTable.TEAM_OFFENSE, LocalDate.parse("2024-11-01"));
        Set<String> stateFields = DateDocuments.write(DateRecord.builder(key, "run-1").build(), Instant.EPOCH).keySet();
        Set<String> permitFields = FirestorePermitStore.fields(new TableRef("nba_analytics", "team_offense_game_summary"), Instant.EPOCH, 1).keySet();

        List<FirestoreIndexes.FieldExemption> exemptions = FirestoreIndexes.exemptions(collection);
        assertThat(exemptions.stream().filter(exemption -> exemption.collectionGroup().equals(collection)).map(FirestoreIndexes.FieldExemption::fieldPath))
                .as("fields a state record has").isSubsetOf(stateFields)
                .doesNotContain(DateDocuments.TABLE, DateDocuments.STATUS, DateDocuments.DATE, DateDocuments.RUN_ID, DateDocuments.LEASE_EXPIRES_AT,
                        DateDocuments.STARTED_AT, DateDocuments.FINISHED_AT);
        assertThat(exemptions.stream().filter(exemption -> exemption.collectionGroup().equals(FirestorePermitStore.permitCollection(collection)))
                .map(FirestoreIndexes.FieldExemption::fieldPath).toList())
                .as("a permit is never queried: every field of it").containsExactlyInAnyOrderElementsOf(permitFields);
        assertThat(exemptions.stream().filter(FirestoreIndexes.FieldExemption::ttl).toList())
                .containsExactly(new FirestoreIndexes.FieldExemption(FirestorePermitStore.permitCollection(collection), FirestorePermitStore.EXPIRE_AT, true));
    }

    @Test
    void theCreateCommandNamesEveryFieldInOrder()
    {
        FirestoreIndex index = FirestoreIndex.ascending("table", "status", "date");
        assertThat(FirestoreIndexes.createCommand("p", "(default)", "backfill_dates", index))
                .isEqualTo("gcloud firestore indexes composite create --project=p --database='(default)' --collection-group=backfill_dates"
                        + " --query-scope=collection --field-config=field-path=table,order=ascending"
                        + " --field-config=field-path=status,order=ascending --field-config=field-path=date,order=ascending");
    }
}
